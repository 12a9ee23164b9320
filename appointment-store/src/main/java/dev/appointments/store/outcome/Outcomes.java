package dev.appointments.store.outcome;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.appointments.resources.Tables;
import dev.appointments.store.Attributes;
import dev.appointments.store.DynamoDbCalls;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import static dev.appointments.store.Attributes.instant;
import static dev.appointments.store.Attributes.listOfMaps;
import static dev.appointments.store.Attributes.n;
import static dev.appointments.store.Attributes.putIfPresent;
import static dev.appointments.store.Attributes.s;
import static dev.appointments.store.Attributes.string;

/**
 * The request-outcomes table. An outcome is written once, with
 * {@code attribute_not_exists}, and never changed; later commands that reuse its
 * requestId for other content are refused and listed beside it. Outcomes expire (DynamoDB
 * time to live on {@code expiresAt}) a retention after they were recorded.
 */
public final class Outcomes {

    /**
     * Enough to show a producer what went wrong, and a bound on the item's size whatever
     * producers send.
     */
    static final int MAX_LATER_SUBMISSIONS = 20;

    private static final String LATER = "laterSubmissions";

    private static final String LATER_FINGERPRINTS = "laterFingerprints";

    private static final String FACTS = "facts";

    private static final String NOT_RECORDED = "attribute_not_exists(" + Tables.RequestOutcomes.REQUEST_ID + ")";

    /**
     * How long an outcome is kept: well beyond the 14 days a message can live in SQS, so
     * that a late redelivery still finds it, and long enough for producers to read their
     * answers.
     */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private final DynamoDbClient dynamoDb;

    private final DynamoDbCalls calls;

    private final Duration retention;

    public Outcomes(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        this(dynamoDb, calls, DEFAULT_RETENTION);
    }

    /**
     * @param retention how long after it was recorded an outcome expires (DynamoDB time
     * to live)
     */
    public Outcomes(DynamoDbClient dynamoDb, DynamoDbCalls calls, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.calls = calls;
        this.retention = retention;
    }

    public Optional<Outcome> find(String requestId) {
        var response = calls.call(() -> dynamoDb.getItem(request -> request.tableName(Tables.RequestOutcomes.NAME)
            .key(Map.of(Tables.RequestOutcomes.REQUEST_ID, s(requestId)))
            .consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(fromItem(response.item()))
                : Optional.empty();
    }

    /**
     * Records an outcome unless one exists for its requestId; returns the outcome that
     * stands.
     */
    public Outcome record(Outcome outcome) {
        try {
            calls.call(() -> dynamoDb.putItem(request -> request.tableName(Tables.RequestOutcomes.NAME)
                .item(toItem(outcome))
                .conditionExpression(NOT_RECORDED)));
            return outcome;
        }
        catch (ConditionalCheckFailedException alreadyRecorded) {
            return find(outcome.requestId()).orElseThrow();
        }
    }

    /**
     * Records an outcome unless one exists for its requestId; when the one that exists
     * answers another command (other content under the same requestId), this one is
     * listed with it as a refused later submission.
     * @return the outcome that stands
     */
    public Outcome recordOrRefuse(Outcome outcome) {
        Outcome standing = record(outcome);
        if (!standing.sameCommand(outcome.fingerprint())) {
            recordLater(standing.requestId(),
                    standing.refusal(outcome.commandType(), outcome.fingerprint(), outcome.recordedAt()));
        }
        return standing;
    }

    /**
     * Records, with the outcome of {@code requestId}, a later submission of another
     * command under that requestId, so that its producer can see it was refused; the
     * outcome itself is left as it is. A redelivery of the same later command is recorded
     * once, and at most {@value #MAX_LATER_SUBMISSIONS} are kept.
     * @return whether it was recorded now (not before, and not past the limit)
     */
    public boolean recordLater(String requestId, LaterSubmission submission) {
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("at", instant(submission.at()));
        entry.put("commandType", s(submission.commandType()));
        entry.put("reason", s(submission.reason()));
        try {
            calls.call(() -> dynamoDb.updateItem(request -> request.tableName(Tables.RequestOutcomes.NAME)
                .key(Map.of(Tables.RequestOutcomes.REQUEST_ID, s(requestId)))
                .updateExpression("SET " + LATER + " = list_append(if_not_exists(" + LATER + ", :none), :entry) "
                        + "ADD " + LATER_FINGERPRINTS + " :fingerprints")
                .conditionExpression("attribute_exists(" + Tables.RequestOutcomes.REQUEST_ID + ") AND NOT "
                        + "contains(" + LATER_FINGERPRINTS + ", :fingerprint) AND (attribute_not_exists(" + LATER
                        + ") OR size(" + LATER + ") < :max)")
                .expressionAttributeValues(Map.of(":none", AttributeValue.fromL(List.of()), ":entry",
                        AttributeValue.fromL(List.of(AttributeValue.fromM(entry))), ":fingerprints",
                        AttributeValue.fromSs(List.of(submission.fingerprint())), ":fingerprint",
                        s(submission.fingerprint()), ":max",
                        AttributeValue.fromN(Integer.toString(MAX_LATER_SUBMISSIONS))))));
            return true;
        }
        catch (ConditionalCheckFailedException recordedBefore) {
            return false;
        }
    }

    /**
     * The write of an outcome as one item of a transaction, failing the transaction if
     * one exists.
     */
    public TransactWriteItem recordInTransaction(Outcome outcome) {
        return TransactWriteItem.builder()
            .put(Put.builder()
                .tableName(Tables.RequestOutcomes.NAME)
                .item(toItem(outcome))
                .conditionExpression(NOT_RECORDED)
                .build())
            .build();
    }

    private Map<String, AttributeValue> toItem(Outcome outcome) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Tables.RequestOutcomes.REQUEST_ID, s(outcome.requestId()));
        item.put("commandType", s(outcome.commandType()));
        putIfPresent(item, "fingerprint", outcome.fingerprint());
        item.put("status", s(outcome.status().name()));
        putIfPresent(item, "reason", outcome.reason());
        putIfPresent(item, "message", outcome.message());
        putIfPresent(item, "appointmentId", outcome.appointmentId());
        item.put("recordedAt", instant(outcome.recordedAt()));
        putIfPresent(item, "patientId", outcome.patientId());
        putIfPresent(item, "deadLetterQueue", outcome.deadLetterQueue());
        if (outcome.facts() != null) {
            item.put(FACTS, AttributeValue.fromL(outcome.facts().stream().map(Attributes::s).toList()));
        }
        item.put(Tables.EXPIRES_AT, n(outcome.recordedAt().plus(retention).getEpochSecond()));
        return item;
    }

    static Outcome fromItem(Map<String, AttributeValue> item) {
        return new Outcome(string(item, Tables.RequestOutcomes.REQUEST_ID), string(item, "commandType"),
                string(item, "fingerprint"), OutcomeStatus.valueOf(string(item, "status")), string(item, "reason"),
                string(item, "message"), string(item, "appointmentId"), instant(item, "recordedAt"),
                string(item, "deadLetterQueue"),
                listOfMaps(item, LATER).stream()
                    .map(later -> new LaterSubmission(instant(later, "at"), string(later, "commandType"), null,
                            string(later, "reason")))
                    .toList(),
                string(item, "patientId"),
                item.containsKey(FACTS) ? item.get(FACTS).l().stream().map(AttributeValue::s).toList() : null);
    }

}
