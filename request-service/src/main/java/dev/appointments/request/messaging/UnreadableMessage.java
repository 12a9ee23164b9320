package dev.appointments.request.messaging;

/**
 * A message that is not a command of the contract (not JSON, wrong types, unknown type,
 * no valid requestId). The binding declares it not retryable
 * ({@code retryable-exceptions}), so the binder moves the message to the dead-letter
 * queue at once, where operators can see it.
 */
class UnreadableMessage extends RuntimeException {

    UnreadableMessage(String message, Throwable cause) {
        super(message, cause);
    }

}
