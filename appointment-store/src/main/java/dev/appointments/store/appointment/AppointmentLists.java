package dev.appointments.store.appointment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.appointments.resources.Tables;
import dev.appointments.store.DynamoDbCalls;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import static dev.appointments.store.Attributes.s;

/**
 * Lists appointments by patient, provider or status with one {@code Query} per page on
 * the matching index, never a scan. Start times are stored as ISO-8601 UTC text with
 * whole seconds, so text order is time order and a range of starts is a key condition.
 */
public final class AppointmentLists {

    private final DynamoDbClient dynamoDb;

    private final DynamoDbCalls calls;

    public AppointmentLists(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        this.dynamoDb = dynamoDb;
        this.calls = calls;
    }

    public AppointmentPage page(AppointmentRange range) {
        // One item more than asked tells whether another page exists, so the last page
        // never comes back empty.
        QueryRequest request = request(range).limit(range.limit() + 1).build();
        QueryResponse response = calls.call(() -> dynamoDb.query(request));
        List<Map<String, AttributeValue>> items = response.items();
        if (items.size() > range.limit()) {
            List<Map<String, AttributeValue>> page = items.subList(0, range.limit());
            return new AppointmentPage(appointments(page), keyOf(page.getLast(), range.index()));
        }
        return new AppointmentPage(appointments(items), strings(response.lastEvaluatedKey()));
    }

    private static QueryRequest.Builder request(AppointmentRange range) {
        Map<String, String> names = new HashMap<>(Map.of("#key", range.index().keyAttribute()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":key", s(range.key())));
        String condition = "#key = :key" + startCondition(range, names, values);
        QueryRequest.Builder builder = QueryRequest.builder()
            .tableName(Tables.Appointments.NAME)
            .indexName(range.index().indexName())
            .keyConditionExpression(condition)
            .expressionAttributeNames(names)
            .expressionAttributeValues(values)
            .scanIndexForward(true);
        if (!range.startKey().isEmpty()) {
            builder.exclusiveStartKey(range.startKey()
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> s(entry.getValue()))));
        }
        return builder;
    }

    private static String startCondition(AppointmentRange range, Map<String, String> names,
            Map<String, AttributeValue> values) {
        if (range.from() == null && range.to() == null) {
            return "";
        }
        names.put("#start", Tables.Appointments.STARTS_AT);
        if (range.to() == null) {
            values.put(":from", s(text(range.from())));
            return " AND #start >= :from";
        }
        // An exclusive upper bound: stored starts have whole seconds, so "before to" is
        // "at most a second before".
        values.put(":to", s(text(range.to().minusSeconds(1))));
        if (range.from() == null) {
            return " AND #start <= :to";
        }
        values.put(":from", s(text(range.from())));
        return " AND #start BETWEEN :from AND :to";
    }

    /**
     * The text form of a bound: whole seconds, rounded up, so that it compares with
     * stored starts as time does.
     */
    private static String text(Instant instant) {
        Instant whole = instant.getNano() == 0 ? instant : instant.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return whole.toString();
    }

    private static Map<String, String> keyOf(Map<String, AttributeValue> item, AppointmentIndex index) {
        return Map.of(Tables.Appointments.ID, item.get(Tables.Appointments.ID).s(), index.keyAttribute(),
                item.get(index.keyAttribute()).s(), Tables.Appointments.STARTS_AT,
                item.get(Tables.Appointments.STARTS_AT).s());
    }

    private static Map<String, String> strings(Map<String, AttributeValue> key) {
        return key == null ? Map.of()
                : key.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().s()));
    }

    private static List<Appointment> appointments(List<Map<String, AttributeValue>> items) {
        return items.stream().map(AppointmentItems::fromItem).toList();
    }

}
