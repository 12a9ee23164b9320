package dev.appointments.reminder.messaging;

/**
 * A message that is not one of appointment-reminders' (not JSON, unknown type, fields out of the contract). It is
 * left to SQS redelivery and ends in the dead-letter queue, where operators see it.
 */
class UnreadableMessageException extends RuntimeException {

    UnreadableMessageException(String message) {
        super(message);
    }
}
