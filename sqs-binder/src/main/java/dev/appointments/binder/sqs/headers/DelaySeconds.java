package dev.appointments.binder.sqs.headers;

import dev.appointments.binder.sqs.SqsBinderHeaders;

/**
 * Reads the {@link SqsBinderHeaders#DELAY_SECONDS} header, refusing what SQS would
 * refuse.
 */
public final class DelaySeconds {

    private DelaySeconds() {
    }

    /**
     * @return the delay in seconds, or {@code null} when the header is absent
     * @throws IllegalArgumentException when the value is not a whole number from 0 to 900
     */
    public static Integer of(Object headerValue) {
        if (headerValue == null) {
            return null;
        }
        long seconds;
        if (headerValue instanceof Number number) {
            seconds = number.longValue();
        }
        else {
            try {
                seconds = Long.parseLong(headerValue.toString().trim());
            }
            catch (NumberFormatException ex) {
                throw invalid(headerValue);
            }
        }
        if (seconds < 0 || seconds > SqsBinderHeaders.MAX_DELAY_SECONDS) {
            throw invalid(headerValue);
        }
        return (int) seconds;
    }

    private static IllegalArgumentException invalid(Object headerValue) {
        return new IllegalArgumentException("Header '" + SqsBinderHeaders.DELAY_SECONDS + "' must be a whole number of"
                + " seconds from 0 to " + SqsBinderHeaders.MAX_DELAY_SECONDS + " (the SQS maximum, 15 minutes), was '"
                + headerValue + "'; longer delays need a durable timer");
    }

}
