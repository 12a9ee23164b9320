package dev.appointments.confirmation.lifecycle;

/**
 * A message that can't be answered with an outcome: not a message of the contract, or
 * without a usable requestId, or a fact or timer that breaks the contract. The binding
 * declares it not retryable, so the binder moves the message to the dead-letter queue at
 * once, where operators see it.
 */
public class UnanswerableMessage extends RuntimeException {

    public UnanswerableMessage(String message) {
        super(message);
    }

}
