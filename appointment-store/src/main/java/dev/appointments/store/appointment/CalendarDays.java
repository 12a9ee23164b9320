package dev.appointments.store.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.appointments.resources.Tables;
import dev.appointments.rules.TimeWindow;
import dev.appointments.store.DynamoDbCalls;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import static dev.appointments.store.Attributes.n;
import static dev.appointments.store.Attributes.number;
import static dev.appointments.store.Attributes.s;

/**
 * The calendar items in the slot-locks table: one per provider and UTC day
 * ({@code slotStart} = {@code day#<date>}), holding the busy times of the day and a
 * version. A change puts the whole item on the condition that the version read is still
 * the stored one, in the same transaction as the appointment, so of two bookings that
 * read the same day only the first commits and the second reads again and sees the first.
 */
final class CalendarDays {

    static final String KEY_PREFIX = "day#";

    private static final String VERSION = "version";

    private static final String BUSY = "busy";

    private final DynamoDbClient dynamoDb;

    private final DynamoDbCalls calls;

    CalendarDays(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        this.dynamoDb = dynamoDb;
        this.calls = calls;
    }

    /** The UTC days a range of time touches, in order. */
    static SortedSet<LocalDate> daysOf(TimeWindow time) {
        SortedSet<LocalDate> days = new TreeSet<>();
        LocalDate last = date(time.to().minusNanos(1));
        for (LocalDate day = date(time.from()); !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /**
     * The items of these days, read consistently; a day without an item reads as empty,
     * at version 0.
     */
    Map<LocalDate, CalendarDay> read(String providerId, Collection<LocalDate> days) {
        Map<LocalDate, CalendarDay> read = new TreeMap<>();
        if (days.isEmpty()) {
            return read;
        }
        SortedSet<LocalDate> sorted = new TreeSet<>(days);
        sorted.forEach(day -> read.put(day, CalendarDay.empty(day)));
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse response = calls.call(() -> dynamoDb.query(request -> request.tableName(Tables.SlotLocks.NAME)
                .keyConditionExpression("#provider = :provider AND #day BETWEEN :first AND :last")
                .expressionAttributeNames(
                        Map.of("#provider", Tables.SlotLocks.PROVIDER_ID, "#day", Tables.SlotLocks.SLOT_START))
                .expressionAttributeValues(Map.of(":provider", s(providerId), ":first", s(key(sorted.first())), ":last",
                        s(key(sorted.last()))))
                .consistentRead(true)
                .exclusiveStartKey(from)));
            response.items()
                .stream()
                .map(CalendarDays::fromItem)
                .filter(day -> read.containsKey(day.date()))
                .forEach(day -> read.put(day.date(), day));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        }
        while (startKey != null);
        return read;
    }

    /** The busy times of a provider that overlap {@code window}, once per appointment. */
    List<TimeWindow> busyWithin(String providerId, TimeWindow window) {
        if (!window.from().isBefore(window.to())) {
            return List.of();
        }
        Map<String, TimeWindow> busy = new HashMap<>();
        read(providerId, daysOf(window)).values().forEach(day -> day.busy().forEach((id, time) -> {
            if (time.overlaps(window)) {
                busy.put(id, time);
            }
        }));
        return new ArrayList<>(busy.values());
    }

    /**
     * The write of {@code changed}, one version after the one read, failing the
     * transaction if another came first.
     */
    static TransactWriteItem put(String providerId, CalendarDay changed) {
        Map<String, AttributeValue> busy = new HashMap<>();
        changed.busy()
            .forEach((id, time) -> busy.put(id,
                    AttributeValue.fromM(Map.of("from", s(time.from().toString()), "until", s(time.to().toString())))));
        // On a failed condition the transaction's cancellation returns the day as it is:
        // no read before a retry.
        Put.Builder put = Put.builder()
            .tableName(Tables.SlotLocks.NAME)
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
            .item(Map.of(Tables.SlotLocks.PROVIDER_ID, s(providerId), Tables.SlotLocks.SLOT_START,
                    s(key(changed.date())), VERSION, n(changed.version() + 1), BUSY, AttributeValue.fromM(busy)));
        if (changed.version() == 0) {
            put.conditionExpression("attribute_not_exists(" + Tables.SlotLocks.SLOT_START + ")");
        }
        else {
            put.conditionExpression(VERSION + " = :read")
                .expressionAttributeValues(Map.of(":read", n(changed.version())));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    /** Whether an item of a transaction is the write of a calendar day. */
    static boolean isDay(TransactWriteItem item) {
        return item.put() != null && Tables.SlotLocks.NAME.equals(item.put().tableName());
    }

    static CalendarDay fromItem(Map<String, AttributeValue> item) {
        LocalDate date = LocalDate.parse(item.get(Tables.SlotLocks.SLOT_START).s().substring(KEY_PREFIX.length()));
        Map<String, TimeWindow> busy = new HashMap<>();
        AttributeValue stored = item.get(BUSY);
        if (stored != null && stored.hasM()) {
            stored.m()
                .forEach((id, time) -> busy.put(id, new TimeWindow(Instant.parse(time.m().get("from").s()),
                        Instant.parse(time.m().get("until").s()))));
        }
        return new CalendarDay(date, number(item, VERSION), busy);
    }

    private static String key(LocalDate date) {
        return KEY_PREFIX + date;
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

}
