package dev.appointments.deploy.data;

import java.util.Map;
import java.util.Optional;

import dev.appointments.resources.Tables;

/**
 * Tables whose items may expire by DynamoDB TTL, and the attribute that holds the expiry (epoch seconds). Only
 * records that nothing reads once they are old: request outcomes and notification records. Expiry must come well
 * after the 14 days a message can live in SQS (queue plus dead-letter queue), or a late redelivery would no longer
 * find its idempotency record. Today the services write no such attribute, so nothing expires until they do;
 * enabling TTL on the table is what makes that a code-only change later.
 */
public final class TimeToLive {

    public static final String ATTRIBUTE = "expiresAt";

    private static final Map<String, String> BY_TABLE = Map.of(
            Tables.RequestOutcomes.NAME, ATTRIBUTE,
            Tables.Notifications.NAME, ATTRIBUTE);

    private TimeToLive() {
    }

    /** The TTL attribute of the table, if its items expire. */
    public static Optional<String> attributeOf(String tableName) {
        return Optional.ofNullable(BY_TABLE.get(tableName));
    }
}
