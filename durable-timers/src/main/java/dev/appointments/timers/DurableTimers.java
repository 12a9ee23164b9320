package dev.appointments.timers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.appointments.resources.Tables;
import dev.appointments.store.DynamoDbCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static dev.appointments.store.Attributes.n;
import static dev.appointments.store.Attributes.s;

/**
 * Durable timers in the timers table. A timer lives in one of {@code shards} partitions
 * chosen by a hash of its id, under a sort key that starts with its due instant, so the
 * due timers of a shard are one key-range Query, however many are pending. Releasing a
 * timer claims it with a conditional update that expires, sends it, then deletes it: two
 * instances never both send a timer while a claim holds, and an instance that dies
 * mid-way leaves the timer to be claimed again once its claim expires. Delivery is
 * therefore at least once: what a timer sends must be idempotent for its receiver.
 * <p>
 * Every instance must use the same number of shards, and the number must not change while
 * timers are pending (a timer's shard is a function of its id and the number of shards).
 */
public final class DurableTimers {

    /** Long enough for one send; a failed send is retried after it. */
    public static final Duration DEFAULT_CLAIM_DURATION = Duration.ofSeconds(30);

    /**
     * How long after its due time a timer that was never sent and deleted (its queue is
     * gone, say) is kept before DynamoDB's time to live removes it; what it would send is
     * stale by then.
     */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(DurableTimers.class);

    private static final String NOT_SCHEDULED = "attribute_not_exists(" + Tables.Timers.DUE_KEY + ")";

    private static final String CLAIMABLE = "attribute_not_exists(" + TimerItems.CLAIM_UNTIL + ") OR "
            + TimerItems.CLAIM_UNTIL + " < :now";

    /**
     * DynamoDB removes expired items within days, not at once; until then they are left
     * alone.
     */
    private static final String NOT_EXPIRED = "(attribute_not_exists(" + Tables.EXPIRES_AT + ") OR " + Tables.EXPIRES_AT
            + " > :nowSeconds)";

    private static final int MAX_PAGE = 100;

    private static final int MAX_BATCH_WRITE = 25;

    private static final int MAX_BATCH_ATTEMPTS = 5;

    private final DynamoDbClient dynamoDb;

    private final DynamoDbCalls calls;

    private final Clock clock;

    private final String namespace;

    private final int shards;

    private final String owner;

    private final Duration claimDuration;

    private final Duration retention;

    /**
     * Instances start their rounds at different shards, so that they contend less for the
     * same timers.
     */
    private final AtomicInteger nextShard;

    public DurableTimers(DynamoDbClient dynamoDb, DynamoDbCalls calls, Clock clock, int shards, String owner) {
        this(dynamoDb, calls, clock, "", shards, owner, DEFAULT_CLAIM_DURATION);
    }

    /**
     * Timers of one namespace (for example the service that owns them): their shards are
     * named {@code <namespace>#<n>}, so that each service schedules and releases only its
     * own timers and needs no rights on the queues of the others.
     */
    public DurableTimers(DynamoDbClient dynamoDb, DynamoDbCalls calls, Clock clock, String namespace, int shards,
            String owner, Duration claimDuration) {
        this(dynamoDb, calls, clock, namespace, shards, owner, claimDuration, DEFAULT_RETENTION);
    }

    /**
     * @param retention how long after its due time a timer that was never sent and
     * deleted expires
     */
    public DurableTimers(DynamoDbClient dynamoDb, DynamoDbCalls calls, Clock clock, String namespace, int shards,
            String owner, Duration claimDuration, Duration retention) {
        if (shards < 1) {
            throw new IllegalArgumentException("At least one shard is needed");
        }
        if (claimDuration.isNegative() || claimDuration.isZero()) {
            throw new IllegalArgumentException("A claim must last a while");
        }
        this.dynamoDb = dynamoDb;
        this.calls = calls;
        this.clock = clock;
        this.namespace = namespace == null ? "" : namespace;
        this.shards = shards;
        this.owner = owner;
        this.claimDuration = claimDuration;
        this.retention = retention;
        this.nextShard = new AtomicInteger(ThreadLocalRandom.current().nextInt(shards));
    }

    /**
     * Idempotent by timerId (attribute_not_exists): scheduling the same timer twice keeps
     * one.
     */
    public void schedule(Timer timer) {
        try {
            calls.call(() -> dynamoDb.putItem(request -> request.tableName(Tables.Timers.NAME)
                .item(TimerItems.toItem(timer, shardOf(timer.timerId()), clock.instant(), retention))
                .conditionExpression(NOT_SCHEDULED)));
        }
        catch (ConditionalCheckFailedException alreadyScheduled) {
            log.debug("Timer {} was scheduled before", timer.timerId());
        }
    }

    /**
     * Schedules several timers in one {@code BatchWriteItem} (up to 25 a request), where
     * {@link #schedule} takes a {@code PutItem} each. A batch write takes no condition: a
     * timer scheduled again is overwritten by the same timer, which changes nothing while
     * it is pending. Meant for timers due later than a round of the poller (a reminder, a
     * hold): a due timer being released would lose its claim and might be sent twice,
     * which receivers already take as a repeat. A single timer goes through
     * {@link #schedule}, conditionally.
     */
    public void scheduleAll(Collection<Timer> timers) {
        if (timers.size() <= 1) {
            timers.forEach(this::schedule);
            return;
        }
        Instant now = clock.instant();
        Map<String, WriteRequest> writes = new LinkedHashMap<>();
        for (Timer timer : timers) {
            var item = TimerItems.toItem(timer, shardOf(timer.timerId()), now, retention);
            writes.put(item.get(Tables.Timers.SHARD).s() + "|" + item.get(Tables.Timers.DUE_KEY).s(),
                    WriteRequest.builder().putRequest(put -> put.item(item)).build());
        }
        List<WriteRequest> all = new ArrayList<>(writes.values());
        for (int from = 0; from < all.size(); from += MAX_BATCH_WRITE) {
            writeBatch(all.subList(from, Math.min(all.size(), from + MAX_BATCH_WRITE)));
        }
    }

    /**
     * Writes one batch; items DynamoDB leaves unprocessed (throttling) are written again
     * after a short pause.
     */
    private void writeBatch(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(Tables.Timers.NAME, batch);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> request = pending;
            var response = calls.call(() -> dynamoDb.batchWriteItem(batchWrite -> batchWrite.requestItems(request)));
            pending = new LinkedHashMap<>(response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of());
            pending.values().removeIf(List::isEmpty);
            if (pending.isEmpty()) {
                return;
            }
            if (attempt == MAX_BATCH_ATTEMPTS) {
                throw new IllegalStateException("DynamoDB left " + pending.get(Tables.Timers.NAME).size()
                        + " timer(s) unprocessed after " + attempt + " attempts");
            }
            try {
                Thread.sleep(50L << attempt);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while scheduling timers", ex);
            }
        }
    }

    /** Removes a timer that is no longer wanted; absent is fine. */
    public void cancel(String timerId, Instant dueAt) {
        calls.call(() -> dynamoDb.deleteItem(request -> request.tableName(Tables.Timers.NAME)
            .key(TimerItems.key(shardOf(timerId), TimerItems.dueKey(timerId, dueAt)))));
    }

    /**
     * Whether a timer is still waiting to be sent (scheduled, neither cancelled nor sent
     * yet).
     */
    public boolean isScheduled(String timerId, Instant dueAt) {
        var response = calls.call(() -> dynamoDb.getItem(request -> request.tableName(Tables.Timers.NAME)
            .key(TimerItems.key(shardOf(timerId), TimerItems.dueKey(timerId, dueAt)))
            .consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty();
    }

    /**
     * Claims due timers, sends each through the sender and deletes it after a successful
     * send; a failed send leaves it to be claimed again after the claim expires. Returns
     * how many were sent.
     */
    public int releaseDue(TimerSender sender, int limit) {
        Instant now = clock.instant();
        int start = Math.floorMod(nextShard.getAndIncrement(), shards);
        int sent = 0;
        for (int i = 0; i < shards && sent < limit; i++) {
            sent += releaseDue(shardName((start + i) % shards), now, sender, limit - sent);
        }
        return sent;
    }

    /**
     * The shard a timer lives in: {@link String#hashCode()} is specified, so every JVM
     * agrees.
     */
    String shardOf(String timerId) {
        return shardName(Math.floorMod(timerId.hashCode(), shards));
    }

    private String shardName(int shard) {
        return namespace.isEmpty() ? String.valueOf(shard) : namespace + "#" + shard;
    }

    private int releaseDue(String shard, Instant now, TimerSender sender, int limit) {
        int sent = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = query(shard, now, startKey, Math.clamp(limit, 1, MAX_PAGE));
            for (Map<String, AttributeValue> item : page.items()) {
                if (sent == limit) {
                    return sent;
                }
                if (release(shard, item, sender)) {
                    sent++;
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                    : null;
        }
        while (startKey != null && sent < limit);
        return sent;
    }

    /**
     * Due timers of one shard that nobody holds a live claim on: a key range, never a
     * Scan.
     */
    private QueryResponse query(String shard, Instant now, Map<String, AttributeValue> startKey, int pageSize) {
        return calls.call(() -> dynamoDb.query(request -> request.tableName(Tables.Timers.NAME)
            .keyConditionExpression("#shard = :shard AND #dueKey < :bound")
            .filterExpression("(" + CLAIMABLE + ") AND " + NOT_EXPIRED)
            .expressionAttributeNames(Map.of("#shard", Tables.Timers.SHARD, "#dueKey", Tables.Timers.DUE_KEY))
            .expressionAttributeValues(Map.of(":shard", s(shard), ":bound", s(TimerItems.dueBound(now)), ":now",
                    s(TimerItems.sortable(now)), ":nowSeconds", n(now.getEpochSecond())))
            .consistentRead(true)
            .limit(pageSize)
            .exclusiveStartKey(startKey)));
    }

    private boolean release(String shard, Map<String, AttributeValue> item, TimerSender sender) {
        String dueKey = item.get(Tables.Timers.DUE_KEY).s();
        String token = owner + ":" + UUID.randomUUID();
        if (!claim(shard, dueKey, token)) {
            return false;
        }
        Timer timer = TimerItems.fromItem(item);
        try {
            sender.send(timer);
        }
        catch (RuntimeException ex) {
            log.warn("Timer {} could not be sent; it is released again after its claim expires: {}", timer.timerId(),
                    ex.toString());
            return false;
        }
        delete(shard, dueKey, token, timer.timerId());
        return true;
    }

    private boolean claim(String shard, String dueKey, String token) {
        Instant now = clock.instant();
        try {
            calls.call(() -> dynamoDb.updateItem(request -> request.tableName(Tables.Timers.NAME)
                .key(TimerItems.key(shard, dueKey))
                .updateExpression("SET #claimedBy = :owner, #claimUntil = :until, #claimToken = :token")
                .conditionExpression(
                        "attribute_exists(#dueKey) AND (attribute_not_exists(#claimUntil) " + "OR #claimUntil < :now)")
                .expressionAttributeNames(
                        Map.of("#claimedBy", TimerItems.CLAIMED_BY, "#claimUntil", TimerItems.CLAIM_UNTIL,
                                "#claimToken", TimerItems.CLAIM_TOKEN, "#dueKey", Tables.Timers.DUE_KEY))
                .expressionAttributeValues(
                        Map.of(":owner", s(owner), ":until", s(TimerItems.sortable(now.plus(claimDuration))), ":token",
                                s(token), ":now", s(TimerItems.sortable(now))))));
            return true;
        }
        catch (ConditionalCheckFailedException claimedElsewhere) {
            return false;
        }
    }

    private void delete(String shard, String dueKey, String token, String timerId) {
        try {
            calls.call(() -> dynamoDb.deleteItem(request -> request.tableName(Tables.Timers.NAME)
                .key(TimerItems.key(shard, dueKey))
                .conditionExpression("#claimToken = :token")
                .expressionAttributeNames(Map.of("#claimToken", TimerItems.CLAIM_TOKEN))
                .expressionAttributeValues(Map.of(":token", s(token)))));
        }
        catch (ConditionalCheckFailedException claimLost) {
            // The send took longer than the claim and another instance took the timer
            // over: it may send it again.
            log.warn("Timer {} was sent after its claim expired; it may be sent once more", timerId);
        }
    }

}
