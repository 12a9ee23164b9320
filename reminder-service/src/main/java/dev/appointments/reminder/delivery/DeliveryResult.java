package dev.appointments.reminder.delivery;

import java.time.Instant;

/**
 * The result of delivering a notice through one channel, as recorded with the
 * notification.
 *
 * @param channel the channel's name
 * @param status sent or failed
 * @param attempts how many attempts were made
 * @param reason the last failure's code; {@code null} when sent
 * @param at when it was sent, or when the last attempt failed
 * @param resent whether an earlier holder of the notification had handed it to this
 * channel already and stopped before recording the outcome, so that the recipient may
 * hold two copies (with the same Message-ID or X-Notification-Id)
 */
public record DeliveryResult(String channel, DeliveryStatus status, int attempts, String reason, Instant at,
        boolean resent) {

    public DeliveryResult(String channel, DeliveryStatus status, int attempts, String reason, Instant at) {
        this(channel, status, attempts, reason, at, false);
    }

    /** This channel handed the notification over, its outcome not known yet. */
    public static DeliveryResult started(String channel, Instant at) {
        return new DeliveryResult(channel, DeliveryStatus.STARTED, 0, null, at, false);
    }

    /** Whether the outcome is known: sent, or failed for good. */
    public boolean finished() {
        return status != DeliveryStatus.STARTED;
    }

    /**
     * The same result, marked as a repeat of an attempt whose outcome was never recorded.
     */
    public DeliveryResult asResent() {
        return new DeliveryResult(channel, status, attempts, reason, at, true);
    }
}
