package dev.appointments.dynamodb.storage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.appointments.dynamodb.value.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes items whose time-to-live attribute (a number of epoch seconds) has passed, on
 * the tables where time to live is enabled. DynamoDB takes up to a few days; this engine
 * takes up to one sweep interval. As in DynamoDB, a value more than five years in the
 * past is not taken for an expiry time, and an attribute that is not a number is ignored.
 */
public final class TimeToLiveSweeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TimeToLiveSweeper.class);

    private static final long FIVE_YEARS_SECONDS = Duration.ofDays(5 * 365).toSeconds();

    private final Database database;

    private final Clock clock;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dynamodb-engine-ttl");
        thread.setDaemon(true);
        return thread;
    });

    public TimeToLiveSweeper(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::sweepSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Deletes every expired item now; returns how many. */
    public int sweep() {
        long now = clock.instant().getEpochSecond();
        int deleted = 0;
        for (String name : database.tableNames()) {
            Table table = database.table(name).orElse(null);
            String attribute = table == null ? null : table.definition().ttlAttribute();
            if (attribute == null) {
                continue;
            }
            List<PrimaryKey> expired = new ArrayList<>();
            table.forEachItem((key, item) -> {
                if (expired(item, attribute, now)) {
                    expired.add(key);
                }
            });
            for (PrimaryKey key : expired) {
                deleted += database.write(changes -> {
                    Map<String, Value> item = table.get(key);
                    if (item != null && expired(item, attribute, now)) {
                        changes.delete(table, key);
                        return 1;
                    }
                    return 0;
                });
            }
        }
        return deleted;
    }

    private static boolean expired(Map<String, Value> item, String attribute, long now) {
        if (!(item.get(attribute) instanceof Value.N number)) {
            return false;
        }
        BigDecimal expiresAt = number.value();
        return expiresAt.compareTo(BigDecimal.valueOf(now)) < 0
                && expiresAt.compareTo(BigDecimal.valueOf(now - FIVE_YEARS_SECONDS)) > 0;
    }

    private void sweepSafely() {
        try {
            int deleted = sweep();
            if (deleted > 0) {
                log.debug("Deleted {} expired items", deleted);
            }
        }
        catch (RuntimeException ex) {
            log.warn("Time-to-live sweep failed; will try again", ex);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

}
