package dev.appointments.store.outcome;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.appointments.resources.Tables;
import dev.appointments.store.DynamoDbCalls;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import static dev.appointments.store.Attributes.instant;
import static dev.appointments.store.Attributes.putIfPresent;
import static dev.appointments.store.Attributes.s;
import static dev.appointments.store.Attributes.string;

/**
 * The request-outcomes table. An outcome is written once, with {@code attribute_not_exists}, and never changed.
 */
public final class Outcomes {

    private static final String NOT_RECORDED = "attribute_not_exists(" + Tables.RequestOutcomes.REQUEST_ID + ")";

    private final DynamoDbClient dynamoDb;
    private final DynamoDbCalls calls;

    public Outcomes(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        this.dynamoDb = dynamoDb;
        this.calls = calls;
    }

    public Optional<Outcome> find(String requestId) {
        var response = calls.call(() -> dynamoDb.getItem(request -> request.tableName(Tables.RequestOutcomes.NAME)
                .key(Map.of(Tables.RequestOutcomes.REQUEST_ID, s(requestId))).consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    /** Records an outcome unless one exists for its requestId; returns the outcome that stands. */
    public Outcome record(Outcome outcome) {
        try {
            calls.call(() -> dynamoDb.putItem(request -> request.tableName(Tables.RequestOutcomes.NAME)
                    .item(toItem(outcome)).conditionExpression(NOT_RECORDED)));
            return outcome;
        }
        catch (ConditionalCheckFailedException alreadyRecorded) {
            return find(outcome.requestId()).orElseThrow();
        }
    }

    /** The write of an outcome as one item of a transaction, failing the transaction if one exists. */
    public static TransactWriteItem recordInTransaction(Outcome outcome) {
        return TransactWriteItem.builder().put(Put.builder().tableName(Tables.RequestOutcomes.NAME)
                .item(toItem(outcome)).conditionExpression(NOT_RECORDED).build()).build();
    }

    static Map<String, AttributeValue> toItem(Outcome outcome) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Tables.RequestOutcomes.REQUEST_ID, s(outcome.requestId()));
        item.put("commandType", s(outcome.commandType()));
        putIfPresent(item, "fingerprint", outcome.fingerprint());
        item.put("status", s(outcome.status().name()));
        putIfPresent(item, "reason", outcome.reason());
        putIfPresent(item, "message", outcome.message());
        putIfPresent(item, "appointmentId", outcome.appointmentId());
        item.put("recordedAt", instant(outcome.recordedAt()));
        putIfPresent(item, "deadLetterQueue", outcome.deadLetterQueue());
        return item;
    }

    static Outcome fromItem(Map<String, AttributeValue> item) {
        return new Outcome(string(item, Tables.RequestOutcomes.REQUEST_ID), string(item, "commandType"),
                string(item, "fingerprint"), OutcomeStatus.valueOf(string(item, "status")), string(item, "reason"),
                string(item, "message"), string(item, "appointmentId"), instant(item, "recordedAt"),
                string(item, "deadLetterQueue"));
    }
}
