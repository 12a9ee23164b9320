package dev.appointments.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Many clients racing on the same items: every write is serializable, no update is lost.
 */
class ConcurrentWritesIntegrationTests {

    private static final int THREADS = 16;

    private static DynamoDbEngine engine;

    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        engine = DynamoDbEngine.start(EngineOptions.inMemory());
        client = EngineClients.client(engine.endpoint());
        EngineClients.createTable(client, "counters");
    }

    @AfterAll
    static void stop() {
        client.close();
        engine.close();
    }

    @Test
    void atomicCountersLoseNoIncrement() throws Exception {
        client.putItem(put -> put.tableName("counters").item(Map.of("id", s("atomic"), "n", n(0))));
        race(() -> client.updateItem(update -> update.tableName("counters")
            .key(Map.of("id", s("atomic")))
            .updateExpression("ADD n :one")
            .expressionAttributeValues(Map.of(":one", n(1)))), 200);

        assertThat(read("atomic").get("n").n()).isEqualTo(Integer.toString(THREADS * 200));
    }

    @Test
    void optimisticWritesWithAVersionConditionLoseNoUpdate() throws Exception {
        client.putItem(put -> put.tableName("counters").item(Map.of("id", s("versioned"), "n", n(0), "v", n(0))));
        AtomicInteger refused = new AtomicInteger();
        race(() -> {
            while (true) {
                Map<String, AttributeValue> current = read("versioned");
                long value = Long.parseLong(current.get("n").n());
                String version = current.get("v").n();
                try {
                    client.putItem(put -> put.tableName("counters")
                        .item(Map.of("id", s("versioned"), "n", n(value + 1), "v", n(Long.parseLong(version) + 1)))
                        .conditionExpression("v = :v")
                        .expressionAttributeValues(Map.of(":v", n(version))));
                    return;
                }
                catch (ConditionalCheckFailedException lostTheRace) {
                    refused.incrementAndGet();
                }
            }
        }, 50);

        assertThat(read("versioned").get("n").n()).isEqualTo(Integer.toString(THREADS * 50));
        assertThat(refused.get()).as("racing writers were refused, not silently overwritten").isPositive();
    }

    @Test
    void transactionsMovingAmountsBetweenItemsKeepTheTotal() throws Exception {
        for (int i = 0; i < 4; i++) {
            String id = "account-" + i;
            client.putItem(put -> put.tableName("counters").item(Map.of("id", s(id), "n", n(1000))));
        }
        race(() -> {
            int from = ThreadLocalRandom.current().nextInt(4);
            int to = (from + 1 + ThreadLocalRandom.current().nextInt(3)) % 4;
            try {
                client.transactWriteItems(
                        tx -> tx.transactItems(move("account-" + from, -7, true), move("account-" + to, 7, false)));
            }
            catch (TransactionCanceledException insufficient) {
                // The source would go below zero: nothing moved.
            }
        }, 100);

        long total = 0;
        for (int i = 0; i < 4; i++) {
            long balance = Long.parseLong(read("account-" + i).get("n").n());
            assertThat(balance).isNotNegative();
            total += balance;
        }
        assertThat(total).isEqualTo(4000);
    }

    private static TransactWriteItem move(String id, int amount, boolean checkBalance) {
        Update.Builder update = Update.builder()
            .tableName("counters")
            .key(Map.of("id", s(id)))
            .updateExpression("ADD n :amount");
        if (checkBalance) {
            update.conditionExpression("n >= :needed")
                .expressionAttributeValues(Map.of(":amount", n(amount), ":needed", n(-amount)));
        }
        else {
            update.expressionAttributeValues(Map.of(":amount", n(amount)));
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    private static Map<String, AttributeValue> read(String id) {
        return client.getItem(get -> get.tableName("counters").key(Map.of("id", s(id)))).item();
    }

    private static void race(Runnable call, int timesPerThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < timesPerThread; i++) {
                        call.run();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

}
