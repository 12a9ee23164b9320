package dev.appointments.store.appointment;

import java.util.List;

import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

/**
 * DynamoDB cancelled a transaction for a reason that may pass, such as a conflicting concurrent transaction: the
 * command should be tried again.
 */
public class TransientConflictException extends RuntimeException {

    TransientConflictException(List<CancellationReason> reasons) {
        super("Transaction cancelled, to be retried: " + reasons.stream().map(CancellationReason::code).toList());
    }

    TransientConflictException(String message) {
        super(message);
    }
}
