package dev.appointments.reminder.notification;

/**
 * Where a notification stands. Only SENDING changes again; the others are final.
 */
enum NotificationStatus {

    /** Claimed by an instance that is delivering it, until its lease runs out. */
    SENDING,

    /** Every channel delivered it. */
    SENT,

    /**
     * At least one channel failed for good (see the deliveries), or it could not be
     * addressed at all.
     */
    FAILED,

    /** Deliberately not sent: the appointment is gone, no longer confirmed, or moved. */
    SKIPPED

}
