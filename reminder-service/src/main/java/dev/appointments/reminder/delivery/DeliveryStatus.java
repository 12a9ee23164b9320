package dev.appointments.reminder.delivery;

/**
 * How a delivery through one channel ended.
 */
public enum DeliveryStatus {

    /**
     * Handed to the channel, its outcome not recorded yet. Written before the first
     * attempt, so that a holder that stops before recording the outcome leaves this
     * behind: whoever takes the notification over knows the outcome is unknown (the SMTP
     * server may have accepted the mail) rather than knowing nothing was tried.
     */
    STARTED,

    /** Accepted by the SMTP server or answered 2xx by the webhook. */
    SENT,

    /** Every attempt failed, or one failed in a way retrying cannot fix. */
    FAILED

}
