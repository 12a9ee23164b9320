package dev.appointments.benchmarks.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.appointments.resources.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sizes of the items one booking writes, by DynamoDB's rules for capacity units (names
 * and values in UTF-8 bytes, numbers about one byte per two digits, three bytes plus one
 * per element for lists and maps): what a write of each costs in 1 KB write units and a
 * read in 4 KB read units.
 */
final class ItemSizes {

    private ItemSizes() {
    }

    /** Bytes of the items of one confirmed booking, read from the system's tables. */
    static Map<String, Integer> of(DynamoDbClient dynamoDb, String requestId) {
        Map<String, AttributeValue> outcome = get(dynamoDb, Tables.RequestOutcomes.NAME,
                Map.of(Tables.RequestOutcomes.REQUEST_ID, AttributeValue.fromS(requestId)));
        Map<String, AttributeValue> appointment = get(dynamoDb, Tables.Appointments.NAME,
                Map.of(Tables.Appointments.ID, outcome.get("appointmentId")));
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("appointment (CONFIRMED)", size(appointment));
        sizes.put("outcome", size(outcome));
        // The provider's calendar item of the appointment's UTC day (sort key day#<date>)
        // in the slot-locks table.
        String day = "day#" + appointment.get(Tables.Appointments.STARTS_AT).s().substring(0, 10);
        sizes.put("calendar day",
                size(get(dynamoDb, Tables.SlotLocks.NAME,
                        Map.of(Tables.SlotLocks.PROVIDER_ID, appointment.get(Tables.Appointments.PROVIDER_ID),
                                Tables.SlotLocks.SLOT_START, AttributeValue.fromS(day)))));
        sizes.put("patient", size(get(dynamoDb, Tables.Patients.NAME,
                Map.of(Tables.Patients.ID, appointment.get(Tables.Appointments.PATIENT_ID)))));
        sizes.put("provider", size(get(dynamoDb, Tables.Providers.NAME,
                Map.of(Tables.Providers.ID, appointment.get(Tables.Appointments.PROVIDER_ID)))));
        return sizes;
    }

    private static Map<String, AttributeValue> get(DynamoDbClient dynamoDb, String table,
            Map<String, AttributeValue> key) {
        return dynamoDb.getItem(get -> get.tableName(table).key(key).consistentRead(true)).item();
    }

    static int size(Map<String, AttributeValue> item) {
        int bytes = 0;
        for (var attribute : item.entrySet()) {
            bytes += utf8(attribute.getKey()) + size(attribute.getValue());
        }
        return bytes;
    }

    private static int size(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return (value.n().replaceAll("[^0-9]", "").length() + 1) / 2 + 1;
        }
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
            return 1;
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToInt(element -> 1 + size(element)).sum();
        }
        if (value.hasM()) {
            return 3 + value.m()
                .entrySet()
                .stream()
                .mapToInt(entry -> 1 + utf8(entry.getKey()) + size(entry.getValue()))
                .sum();
        }
        if (value.b() != null) {
            return value.b().asByteArray().length;
        }
        return 0;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

}
