package dev.appointments.dynamodb.value;

import java.util.List;

/**
 * An error answered to the client as DynamoDB answers it: the exception's name (the
 * {@code __type} of the response), its HTTP status and message, and for a cancelled
 * transaction the reason of each of its items.
 */
public class DynamoDbError extends RuntimeException {

    private final String name;

    private final int status;

    private final transient List<CancellationReason> cancellationReasons;

    private final transient java.util.Map<String, Value> item;

    public DynamoDbError(String name, int status, String message) {
        this(name, status, message, List.of());
    }

    public DynamoDbError(String name, int status, String message, List<CancellationReason> cancellationReasons) {
        this(name, status, message, cancellationReasons, null);
    }

    private DynamoDbError(String name, int status, String message, List<CancellationReason> cancellationReasons,
            java.util.Map<String, Value> item) {
        super(message, null, false, false);
        this.name = name;
        this.status = status;
        this.cancellationReasons = List.copyOf(cancellationReasons);
        this.item = item;
    }

    /** A failed condition; the item as it was when the caller asked for it, else null. */
    public static DynamoDbError conditionalCheckFailed(java.util.Map<String, Value> item) {
        return new DynamoDbError("ConditionalCheckFailedException", 400, "The conditional request failed", List.of(),
                item);
    }

    /** The item returned with a failed condition, or null. */
    public java.util.Map<String, Value> item() {
        return item;
    }

    /** The exception's name, such as {@code ConditionalCheckFailedException}. */
    public String name() {
        return name;
    }

    public int status() {
        return status;
    }

    public List<CancellationReason> cancellationReasons() {
        return cancellationReasons;
    }

    public static DynamoDbError validation(String message) {
        return new DynamoDbError("ValidationException", 400, message);
    }

    public static DynamoDbError resourceNotFound(String message) {
        return new DynamoDbError("ResourceNotFoundException", 400, message);
    }

    public static DynamoDbError resourceInUse(String message) {
        return new DynamoDbError("ResourceInUseException", 400, message);
    }

    public static DynamoDbError internal(String message) {
        return new DynamoDbError("InternalServerError", 500, message);
    }

    /**
     * Why one item of a cancelled transaction failed: {@code None},
     * {@code ConditionalCheckFailed}, ... and, when asked for with
     * {@code ReturnValuesOnConditionCheckFailure}, the item as it was.
     */
    public record CancellationReason(String code, String message, java.util.Map<String, Value> item) {

        public static final CancellationReason NONE = new CancellationReason("None", null, null);

    }

}
