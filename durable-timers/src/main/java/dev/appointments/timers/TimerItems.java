package dev.appointments.timers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.appointments.resources.Tables;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static dev.appointments.store.Attributes.instant;
import static dev.appointments.store.Attributes.n;
import static dev.appointments.store.Attributes.s;
import static dev.appointments.store.Attributes.string;

/**
 * Maps timers to items of the timers table and back, and writes instants so that string
 * order is time order.
 */
final class TimerItems {

    static final String TIMER_ID = "timerId";
    static final String DUE_AT = "dueAt";
    static final String CLAIMED_BY = "claimedBy";
    static final String CLAIM_UNTIL = "claimUntil";
    static final String CLAIM_TOKEN = "claimToken";

    /**
     * Fixed width, nanoseconds always written: {@link Instant#toString()} drops zero
     * fractions, and "12:00:00Z" would sort after "12:00:00.5Z".
     */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
        .withZone(ZoneOffset.UTC);

    private TimerItems() {
    }

    static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }

    static String dueKey(String timerId, Instant dueAt) {
        return sortable(dueAt) + "#" + timerId;
    }

    /**
     * The smallest key after every timer due at or before {@code now}: '$' is the
     * character after '#'.
     */
    static String dueBound(Instant now) {
        return sortable(now) + "$";
    }

    static Map<String, AttributeValue> key(String shard, String dueKey) {
        return Map.of(Tables.Timers.SHARD, s(shard), Tables.Timers.DUE_KEY, s(dueKey));
    }

    static Map<String, AttributeValue> toItem(Timer timer, String shard, Instant scheduledAt, Duration retention) {
        Map<String, AttributeValue> item = new HashMap<>(key(shard, dueKey(timer.timerId(), timer.dueAt())));
        item.put(TIMER_ID, s(timer.timerId()));
        item.put(DUE_AT, instant(timer.dueAt()));
        item.put("queue", s(timer.queue()));
        item.put("body", s(timer.body()));
        if (!timer.attributes().isEmpty()) {
            item.put("attributes",
                    AttributeValue.fromM(timer.attributes()
                        .entrySet()
                        .stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, entry -> s(entry.getValue())))));
        }
        item.put("scheduledAt", instant(scheduledAt));
        item.put(Tables.EXPIRES_AT, n(timer.dueAt().plus(retention).getEpochSecond()));
        return item;
    }

    static Timer fromItem(Map<String, AttributeValue> item) {
        AttributeValue attributes = item.get("attributes");
        Map<String, String> values = attributes == null || !attributes.hasM() ? Map.of()
                : attributes.m()
                    .entrySet()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().s()));
        return new Timer(string(item, TIMER_ID), instant(item, DUE_AT), string(item, "queue"), string(item, "body"),
                values);
    }

}
