package dev.appointments.timers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.EmbeddedEnginesExtension;
import dev.appointments.store.DynamoDbCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedEnginesExtension.class)
class DurableTimersIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static final int SHARDS = 16;

    private final EmbeddedEngines engines = EmbeddedEngines.shared();

    private final MutableClock clock = new MutableClock(NOW);

    private final DurableTimers timers = timers("instance-a");

    /**
     * Every test's timers start with its own prefix; the table is shared, so senders keep
     * only their own.
     */
    private final String prefix = "test-" + UUID.randomUUID() + ":";

    private final List<Timer> sent = new CopyOnWriteArrayList<>();

    private final TimerSender sender = timer -> {
        if (timer.timerId().startsWith(prefix)) {
            sent.add(timer);
        }
    };

    @Test
    void keepsOneTimerWhenTheSameTimerIsScheduledTwice() {
        Timer timer = timer("once", NOW.plusSeconds(60));
        timers.schedule(timer);
        timers.schedule(timer);

        assertThat(stored(timer)).isTrue();
        clock.advance(Duration.ofMinutes(1));
        timers.releaseDue(sender, 100);

        assertThat(sent).containsExactly(timer);
    }

    @Test
    void aTimerExpiresAWeekAfterItsDueTimeIfItWasNeverSentAndDeleted() {
        Timer timer = timer("expiring", NOW.plus(Duration.ofHours(3)));
        timers.schedule(timer);

        var items = engines.dynamoDb()
            .query(request -> request.tableName(dev.appointments.resources.Tables.Timers.NAME)
                .keyConditionExpression("#shard = :shard")
                .expressionAttributeNames(Map.of("#shard", "shard"))
                .expressionAttributeValues(Map.of(":shard",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue
                            .fromS(timers.shardOf(timer.timerId())))))
            .items()
            .stream()
            .filter(item -> item.get("timerId").s().equals(timer.timerId()))
            .toList();

        assertThat(items).singleElement()
            .satisfies(item -> assertThat(item.get("expiresAt").n())
                .isEqualTo(Long.toString(timer.dueAt().plus(Duration.ofDays(7)).getEpochSecond())));
    }

    @Test
    void doesNotSendATimerBeforeItIsDue() {
        Timer timer = timer("later", NOW.plus(Duration.ofHours(2)));
        timers.schedule(timer);

        clock.advance(Duration.ofHours(1).plusMinutes(59).plusSeconds(59));
        timers.releaseDue(sender, 100);

        assertThat(sent).isEmpty();
        assertThat(stored(timer)).isTrue();
        timers.cancel(timer.timerId(), timer.dueAt());
    }

    @Test
    void sendsADueTimerOnceWithItsMessageAndDeletesIt() {
        Timer timer = new Timer(prefix + "due", NOW.plus(Duration.ofDays(3)), "appointment-confirmations",
                "{\"type\":\"HoldExpired\"}", Map.of("type", "HoldExpired"));
        timers.schedule(timer);

        clock.advance(Duration.ofDays(3));
        timers.releaseDue(sender, 100);
        clock.advance(Duration.ofMinutes(5));
        timers.releaseDue(sender, 100);

        assertThat(sent).containsExactly(timer);
        assertThat(stored(timer)).isFalse();
    }

    @Test
    void doesNotSendACancelledTimer() {
        Timer timer = timer("cancelled", NOW.plusSeconds(30));
        timers.schedule(timer);

        timers.cancel(timer.timerId(), timer.dueAt());
        timers.cancel(timer.timerId(), timer.dueAt());
        clock.advance(Duration.ofMinutes(1));
        timers.releaseDue(sender, 100);

        assertThat(sent).isEmpty();
    }

    @Test
    void sendsATimerAgainAfterAFailedSendOnceTheClaimExpires() {
        Timer timer = timer("flaky", NOW);
        timers.schedule(timer);
        AtomicInteger attempts = new AtomicInteger();
        TimerSender failingOnce = candidate -> {
            if (candidate.timerId().equals(timer.timerId()) && attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("queue unavailable");
            }
            sender.send(candidate);
        };

        timers.releaseDue(failingOnce, 100);
        clock.advance(DurableTimers.DEFAULT_CLAIM_DURATION.minusSeconds(1));
        timers.releaseDue(failingOnce, 100);
        assertThat(sent).isEmpty();
        assertThat(stored(timer)).isTrue();

        clock.advance(Duration.ofSeconds(2));
        timers.releaseDue(failingOnce, 100);

        assertThat(sent).containsExactly(timer);
        assertThat(attempts).hasValue(2);
        assertThat(stored(timer)).isFalse();
    }

    @Test
    void twoInstancesRacingOverDueTimersSendEachExactlyOnce() throws Exception {
        List<Timer> due = IntStream.range(0, 100).mapToObj(i -> timer("race-" + i, NOW.minusSeconds(i))).toList();
        due.forEach(timers::schedule);
        Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        TimerSender counting = timer -> {
            if (timer.timerId().startsWith(prefix)) {
                sends.computeIfAbsent(timer.timerId(), id -> new AtomicInteger()).incrementAndGet();
            }
        };
        List<DurableTimers> instances = List.of(timers("instance-a"), timers("instance-b"));

        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> rounds = instances.stream()
                .map(instance -> pool.submit(() -> drain(instance, counting)))
                .toList();
            for (Future<Integer> round : rounds) {
                round.get();
            }
        }

        assertThat(sends).hasSize(100);
        assertThat(sends.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(due).noneMatch(this::stored);
    }

    @Test
    void schedulesSeveralTimersInOneBatchAndEachIsSentOnceWhenDue() {
        List<Timer> planned = IntStream.range(0, 30)
            .mapToObj(i -> timer("many-" + i, NOW.plusSeconds(60 + i)))
            .toList();
        timers.scheduleAll(planned);
        timers.scheduleAll(planned);

        assertThat(planned).allMatch(this::stored);
        clock.advance(Duration.ofMinutes(2));
        new TimerPoller(timers, sender, 10).poll();

        assertThat(sent).containsExactlyInAnyOrderElementsOf(planned);
    }

    @Test
    void thePollerDrainsEveryDueTimerInBatches() {
        IntStream.range(0, 25).forEach(i -> timers.schedule(timer("batch-" + i, NOW.minusSeconds(i))));

        new TimerPoller(timers, sender, 10).poll();

        assertThat(sent).hasSize(25);
    }

    @Test
    void releasesOnlyTheTimersOfItsOwnNamespace() {
        var confirmations = new DurableTimers(engines.dynamoDb(), DynamoDbCalls.DIRECT, clock,
                "confirmations-" + prefix, SHARDS, "a", DurableTimers.DEFAULT_CLAIM_DURATION);
        var reminders = new DurableTimers(engines.dynamoDb(), DynamoDbCalls.DIRECT, clock, "reminders-" + prefix,
                SHARDS, "b", DurableTimers.DEFAULT_CLAIM_DURATION);
        Timer hold = timer("hold", NOW.plusSeconds(30));
        confirmations.schedule(hold);
        clock.advance(Duration.ofMinutes(1));
        List<Timer> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

        assertThat(reminders.releaseDue(sent::add, 100)).isZero();
        assertThat(confirmations.releaseDue(sent::add, 100)).isEqualTo(1);

        assertThat(sent).extracting(Timer::timerId).containsExactly(hold.timerId());
    }

    private int drain(DurableTimers instance, TimerSender counting) {
        int total = 0;
        int sent;
        do {
            sent = instance.releaseDue(counting, 10);
            total += sent;
        }
        while (sent > 0);
        return total;
    }

    private DurableTimers timers(String owner) {
        return new DurableTimers(engines.dynamoDb(), DynamoDbCalls.DIRECT, clock, SHARDS, owner);
    }

    private Timer timer(String name, Instant dueAt) {
        return new Timer(prefix + name, dueAt, "appointment-reminders", "{\"n\":\"" + name + "\"}",
                Map.of("type", "Test"));
    }

    private boolean stored(Timer timer) {
        return timers.isScheduled(timer.timerId(), timer.dueAt());
    }

}
