package dev.appointments.request.messaging;

/**
 * A message that is not a command of the contract (not JSON, wrong types, unknown type). It is left to SQS
 * redelivery and ends in the dead-letter queue, where operators can see it.
 */
class UnreadableMessageException extends RuntimeException {

    UnreadableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
