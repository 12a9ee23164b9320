package dev.appointments.binder.sqs.consumer;

import java.time.Duration;

import org.springframework.messaging.MessagingException;

/**
 * The function failed on a message, which therefore stays on the queue. Spring's
 * messaging exceptions print the whole failed message, payload included, and payloads may
 * hold personal data; so the cause kept here is the function's own exception, without
 * those wrappers.
 */
final class MessageProcessingFailed extends RuntimeException {

    private MessageProcessingFailed(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param cause the function's exception, {@linkplain #withoutWrappers(Throwable)
     * without wrappers}
     * @param redeliveredAfter how soon SQS offers the message again, or {@code null} for
     * the visibility timeout
     */
    static MessageProcessingFailed of(String binding, String queue, Object messageId, Throwable cause,
            Duration redeliveredAfter) {
        String redelivery = redeliveredAfter == null ? "after the visibility timeout"
                : "in " + redeliveredAfter.toSeconds() + " s";
        return new MessageProcessingFailed("Function of binding " + binding + " failed on message " + messageId
                + " from queue " + queue + "; SQS redelivers it " + redelivery, cause);
    }

    /**
     * The function's own exception, without Spring's messaging wrappers and never with
     * the failed message.
     */
    static Throwable withoutWrappers(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof MessagingException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof MessagingException messaging) {
            return new Redacted(messaging);
        }
        return cause;
    }

    /** A messaging exception without its failed message. */
    private static final class Redacted extends RuntimeException {

        private Redacted(MessagingException original) {
            super(original.getClass().getName() + ": " + original.getMessage());
            setStackTrace(original.getStackTrace());
        }

    }

}
