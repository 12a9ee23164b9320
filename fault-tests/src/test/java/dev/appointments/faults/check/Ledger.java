package dev.appointments.faults.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.appointments.resources.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * What DynamoDB itself says happened, read with the table definitions of
 * {@code aws-resources}: outcomes by requestId, and a provider's appointments with their
 * histories. Every check of the suite ends here, not in a service's answer.
 */
public final class Ledger {

    /** Statuses in which an appointment holds its slot. */
    private static final Set<String> ON_THE_CALENDAR = Set.of("REQUESTED", "CONFIRMED");

    private final DynamoDbClient dynamoDb;

    public Ledger(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /**
     * The recorded outcomes of these requestIds, by requestId; those without one are
     * absent.
     */
    public Map<String, Outcome> outcomes(Collection<String> requestIds) {
        Map<String, Outcome> found = new HashMap<>();
        List<String> ids = requestIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(from + 100, ids.size()))
                .stream()
                .map(id -> Map.of(Tables.RequestOutcomes.REQUEST_ID, AttributeValue.fromS(id)))
                .toList();
            Map<String, KeysAndAttributes> pending = Map.of(Tables.RequestOutcomes.NAME,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> request = pending;
                var response = dynamoDb.batchGetItem(builder -> builder.requestItems(request));
                response.responses()
                    .getOrDefault(Tables.RequestOutcomes.NAME, List.of())
                    .forEach(item -> found.put(item.get(Tables.RequestOutcomes.REQUEST_ID).s(), Outcome.of(item)));
                pending = response.unprocessedKeys();
            }
        }
        return found;
    }

    /**
     * Waits until every requestId has an outcome, or the time is up; returns those that
     * have one.
     */
    public Map<String, Outcome> awaitOutcomes(Collection<String> requestIds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Outcome> found = outcomes(requestIds);
        while (found.size() < requestIds.stream().distinct().count() && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(1));
            found = outcomes(requestIds);
        }
        return found;
    }

    /** Every appointment of a provider, through the by-provider index. */
    public List<Appointment> appointmentsOf(String providerId) {
        List<Appointment> appointments = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            var response = dynamoDb.query(request -> request.tableName(Tables.Appointments.NAME)
                .indexName(Tables.Appointments.BY_PROVIDER)
                .keyConditionExpression("#p = :p")
                .expressionAttributeNames(Map.of("#p", Tables.Appointments.PROVIDER_ID))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(providerId)))
                .exclusiveStartKey(exclusiveStart));
            response.items().forEach(item -> appointments.add(Appointment.of(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        }
        while (start != null);
        return appointments;
    }

    /**
     * Pairs of appointments on the calendar at the same time: each is a double booking.
     */
    public static int doubleBookings(List<Appointment> appointments) {
        List<Appointment> held = appointments.stream()
            .filter(a -> ON_THE_CALENDAR.contains(a.status()))
            .sorted(Comparator.comparing(Appointment::startsAt))
            .toList();
        int overlaps = 0;
        for (int i = 0; i < held.size(); i++) {
            for (int j = i + 1; j < held.size() && held.get(j).startsAt().isBefore(held.get(i).endsAt()); j++) {
                overlaps++;
            }
        }
        return overlaps;
    }

    /**
     * History steps recorded more than once for the same cause: each extra copy is a
     * duplicated transition.
     */
    public static int duplicatedTransitions(List<Appointment> appointments) {
        int duplicates = 0;
        for (Appointment appointment : appointments) {
            Map<String, Long> steps = appointment.history()
                .stream()
                .collect(Collectors.groupingBy(step -> step.cause() + "|" + step.from() + "|" + step.to(),
                        Collectors.counting()));
            duplicates += (int) steps.values().stream().mapToLong(count -> count - 1).sum();
        }
        return duplicates;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    /**
     * A command's recorded outcome.
     *
     * @param requestId the producer's key
     * @param commandType the command's type
     * @param status ACCEPTED or REJECTED (or another status a later version records)
     * @param reason the reason code of a refusal
     * @param appointmentId the appointment it created or changed
     * @param recordedAt when it was recorded
     */
    public record Outcome(String requestId, String commandType, String status, String reason, String appointmentId,
            Instant recordedAt) {

        static Outcome of(Map<String, AttributeValue> item) {
            return new Outcome(text(item, Tables.RequestOutcomes.REQUEST_ID), text(item, "commandType"),
                    text(item, "status"), text(item, "reason"), text(item, "appointmentId"),
                    item.containsKey("recordedAt") ? Instant.parse(item.get("recordedAt").s()) : null);
        }

        public boolean accepted() {
            return "ACCEPTED".equals(status);
        }
    }

    /**
     * An appointment as stored.
     *
     * @param appointmentId its id
     * @param status its status
     * @param startsAt its start, UTC
     * @param endsAt its end, UTC
     * @param history its transitions, oldest first
     */
    public record Appointment(String appointmentId, String status, Instant startsAt, Instant endsAt,
            List<Step> history) {

        static Appointment of(Map<String, AttributeValue> item) {
            List<Step> steps = item.containsKey("history") ? item.get("history")
                .l()
                .stream()
                .map(AttributeValue::m)
                .map(step -> new Step(text(step, "from"), text(step, "to"), text(step, "cause"),
                        step.containsKey("at") ? Instant.parse(step.get("at").s()) : null))
                .toList() : List.of();
            return new Appointment(text(item, Tables.Appointments.ID), text(item, Tables.Appointments.STATUS),
                    Instant.parse(item.get(Tables.Appointments.STARTS_AT).s()), Instant.parse(item.get("endsAt").s()),
                    steps);
        }
    }

    /**
     * One transition of an appointment.
     *
     * @param from the status before, {@code null} for the booking
     * @param to the status after
     * @param cause the requestId or timer that caused it
     * @param at when it happened
     */
    public record Step(String from, String to, String cause, Instant at) {
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

}
