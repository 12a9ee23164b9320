package dev.appointments.reminder.delivery;

/**
 * An attempt to deliver that failed. The reason is a code such as
 * {@code SMTP_UNREACHABLE} or {@code HTTP_503}: it is recorded and logged, so it never
 * carries the server's text, which may quote the recipient's address.
 */
class DeliveryFailed extends RuntimeException {

    private final String reason;

    private final boolean retryable;

    public DeliveryFailed(String reason, boolean retryable, Throwable cause) {
        super(reason, cause, false, false);
        this.reason = reason;
        this.retryable = retryable;
    }

    public String reason() {
        return reason;
    }

    /**
     * Whether another attempt may succeed (a timeout, a 503) or not (a rejected address,
     * a 401).
     */
    public boolean retryable() {
        return retryable;
    }

}
