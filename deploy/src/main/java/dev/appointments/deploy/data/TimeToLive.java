package dev.appointments.deploy.data;

import java.util.Map;
import java.util.Optional;

import dev.appointments.resources.Tables;

/**
 * Tables whose items may expire by DynamoDB TTL, and the attribute that holds the expiry
 * (epoch seconds). Only records that nothing reads once they are old: request outcomes,
 * notification records and fired timers. The services write {@code expiresAt} (epoch
 * seconds) well after the 14 days a message can live in SQS (queue plus dead-letter
 * queue), so a late redelivery still finds its idempotency record.
 */
public final class TimeToLive {

    public static final String ATTRIBUTE = Tables.EXPIRES_AT;

    /**
     * The tables whose items expire, as the services write them (aws-resources'
     * {@code Tables.expiring()}).
     */
    private static final Map<String, String> BY_TABLE = Tables.expiring()
        .stream()
        .collect(java.util.stream.Collectors.toUnmodifiableMap(table -> table, table -> Tables.EXPIRES_AT));

    private TimeToLive() {
    }

    /** The TTL attribute of the table, if its items expire. */
    public static Optional<String> attributeOf(String tableName) {
        return Optional.ofNullable(BY_TABLE.get(tableName));
    }

}
