package dev.appointments.reminder.notification;

/**
 * Another instance holds a live claim on the notification: this copy of the message is
 * not acknowledged, and SQS redelivers it later, when the notification is finished (the
 * copy is then dropped) or the claim has lapsed (the copy takes over).
 */
class NotificationInProgress extends RuntimeException {

    NotificationInProgress(String notificationId) {
        super("Notification " + notificationId + " is being delivered by another consumer", null, false, false);
    }

}
