package dev.appointments.confirmation.lifecycle;

/**
 * A message that can't be answered with an outcome: not a message of the contract, or without a usable requestId,
 * or a fact or timer that breaks the contract. It is left to SQS redelivery and ends in the dead-letter queue, where
 * operators see it.
 */
public class UnanswerableMessageException extends RuntimeException {

    public UnanswerableMessageException(String message) {
        super(message);
    }
}
