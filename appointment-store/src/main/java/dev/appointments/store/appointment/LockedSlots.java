package dev.appointments.store.appointment;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.appointments.resources.Tables;
import dev.appointments.rules.TimeWindow;
import dev.appointments.store.DynamoDbCalls;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import static dev.appointments.store.Attributes.s;

/**
 * Reads which slots of a provider are locked by appointments: a key-range {@code Query} on the slot locks.
 */
public final class LockedSlots {

    private final DynamoDbClient dynamoDb;
    private final DynamoDbCalls calls;

    public LockedSlots(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        this.dynamoDb = dynamoDb;
        this.calls = calls;
    }

    /** The starts of the provider's locked slots inside {@code window}. */
    public Set<Instant> within(String providerId, TimeWindow window) {
        Set<Instant> locked = new HashSet<>();
        if (!window.from().isBefore(window.to())) {
            return locked;
        }
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse response = calls.call(() -> dynamoDb.query(request -> request
                    .tableName(Tables.SlotLocks.NAME)
                    .keyConditionExpression("#provider = :provider AND #slot BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#provider", Tables.SlotLocks.PROVIDER_ID,
                            "#slot", Tables.SlotLocks.SLOT_START))
                    .expressionAttributeValues(Map.of(":provider", s(providerId),
                            ":from", s(window.from().toString()), ":to", s(window.to().toString())))
                    .projectionExpression("#slot")
                    .consistentRead(true)
                    .exclusiveStartKey(from)));
            response.items().stream().map(item -> Instant.parse(item.get(Tables.SlotLocks.SLOT_START).s()))
                    .filter(window::contains).forEach(locked::add);
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        }
        while (startKey != null);
        return locked;
    }
}
