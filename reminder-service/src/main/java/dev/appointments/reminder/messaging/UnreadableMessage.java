package dev.appointments.reminder.messaging;

/**
 * A message that is not one of appointment-reminders' (not JSON, unknown type, fields out
 * of the contract). The binding declares it not retryable, so the binder moves the
 * message to the dead-letter queue at once, where operators see it.
 */
class UnreadableMessage extends RuntimeException {

    UnreadableMessage(String message) {
        super(message);
    }

}
