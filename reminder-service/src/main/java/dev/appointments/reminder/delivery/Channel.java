package dev.appointments.reminder.delivery;

/**
 * A way to reach a patient or their provider. One call of {@link #deliver} is one
 * attempt; retries are the caller's.
 */
public interface Channel {

    /** The name recorded with each delivery: {@code email}, {@code webhook}. */
    String name();

    /** Whether this notice goes through this channel at all. */
    boolean appliesTo(Notice notice);

    /**
     * Makes one attempt.
     * @throws DeliveryFailed when the attempt failed, saying whether another attempt may
     * succeed
     */
    void deliver(Notice notice);

}
