package dev.appointments.store.appointment;

import java.util.List;
import java.util.function.Supplier;

import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * DynamoDB cancelled a transaction for a reason that may pass, such as a conflicting
 * concurrent transaction: the command should be tried again. Thrown inside a
 * {@link dev.appointments.store.DynamoDbCalls} call, it is retried there with backoff;
 * what escapes is left to SQS redelivery.
 */
public class TransientConflict extends RuntimeException {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    TransientConflict(List<CancellationReason> reasons) {
        super("Transaction cancelled, to be retried: " + reasons.stream().map(CancellationReason::code).toList());
    }

    TransientConflict(String message) {
        super(message);
    }

    /**
     * Runs a transaction, turning its cancellation into this exception when no condition
     * was refused (it only collided with another transaction); a refused condition is
     * rethrown as it is.
     */
    public static <T> T whenCollided(Supplier<T> transaction) {
        try {
            return transaction.get();
        }
        catch (TransactionCanceledException ex) {
            List<CancellationReason> reasons = ex.cancellationReasons();
            if (reasons != null && reasons.stream().noneMatch(reason -> CONDITION_FAILED.equals(reason.code()))) {
                throw new TransientConflict(reasons);
            }
            throw ex;
        }
    }

}
