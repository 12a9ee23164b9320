package dev.appointments.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.appointments.resources.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads the outcomes of requests and the appointments they booked straight from DynamoDB.
 */
final class Verification {

    private final DynamoDbClient dynamoDb;

    Verification(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /**
     * @param confirmed requests whose outcome is ACCEPTED and whose appointment is
     * CONFIRMED
     * @param otherwise how many of the rest are in which state, e.g.
     * {@code outcome REJECTED SLOT_UNAVAILABLE=2}
     * @param confirmedAppointments the ids of the confirmed appointments
     */
    record Result(int confirmed, Map<String, Integer> otherwise, List<String> confirmedAppointments) {
    }

    Result check(Collection<String> requestIds) {
        Map<String, Map<String, AttributeValue>> outcomes = read(Tables.RequestOutcomes.NAME,
                Tables.RequestOutcomes.REQUEST_ID, requestIds);
        Map<String, Integer> otherwise = new TreeMap<>();
        List<String> accepted = new ArrayList<>();
        for (String requestId : requestIds) {
            Map<String, AttributeValue> outcome = outcomes.get(requestId);
            String status = outcome == null ? "none" : outcome.get("status").s();
            if ("ACCEPTED".equals(status)) {
                accepted.add(outcome.get("appointmentId").s());
            }
            else {
                String reason = outcome == null || outcome.get("reason") == null ? "" : " " + outcome.get("reason").s();
                otherwise.merge("outcome " + status + reason, 1, Integer::sum);
            }
        }
        Map<String, Map<String, AttributeValue>> appointments = read(Tables.Appointments.NAME, Tables.Appointments.ID,
                accepted);
        List<String> confirmed = new ArrayList<>();
        for (String appointmentId : accepted) {
            Map<String, AttributeValue> appointment = appointments.get(appointmentId);
            String status = appointment == null ? "missing" : appointment.get(Tables.Appointments.STATUS).s();
            if ("CONFIRMED".equals(status)) {
                confirmed.add(appointmentId);
            }
            else {
                otherwise.merge("appointment " + status, 1, Integer::sum);
            }
        }
        return new Result(confirmed.size(), otherwise, confirmed);
    }

    /** Items by key, consistently read, 100 keys per BatchGetItem. */
    private Map<String, Map<String, AttributeValue>> read(String table, String key, Collection<String> ids) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + 100))
                .stream()
                .map(id -> Map.of(key, AttributeValue.fromS(id)))
                .toList();
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                var response = dynamoDb.batchGetItem(get -> get.requestItems(asked));
                response.responses().getOrDefault(table, List.of()).forEach(item -> items.put(item.get(key).s(), item));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return items;
    }

}
