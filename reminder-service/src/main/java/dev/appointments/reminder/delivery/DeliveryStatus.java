package dev.appointments.reminder.delivery;

/**
 * How a delivery through one channel ended.
 */
public enum DeliveryStatus {

    /** Accepted by the SMTP server or answered 2xx by the webhook. */
    SENT,

    /** Every attempt failed, or one failed in a way retrying cannot fix. */
    FAILED
}
