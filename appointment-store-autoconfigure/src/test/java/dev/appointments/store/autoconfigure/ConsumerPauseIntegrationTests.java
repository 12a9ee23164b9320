package dev.appointments.store.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.resources.Tables;
import dev.appointments.store.DynamoDbCalls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer on the SQS binder (ElasticMQ) whose function writes through the DynamoDB
 * circuit (the embedded engine), during an outage several times longer than
 * {@code max-receive-count x redeliver-after}: the binding stops while the circuit is
 * open and receives nothing until DynamoDB answers again, nothing reaches the dead-letter
 * queue, and the messages that failed on the outage are processed seconds after
 * DynamoDB's return, long before the queue's visibility timeout of 30 s would have let
 * them come back.
 */
// Closed after the class, while the shared engines still run, so that pending deletes
// reach them.
@DirtiesContext
@SpringBootTest(classes = ConsumerPauseIntegrationTests.App.class,
        properties = { "spring.cloud.function.definition=bookings",
                "spring.cloud.stream.bindings.bookings-in-0.destination=pause-bookings",
                "spring.cloud.stream.bindings.bookings-in-0.group=pause-tests",
                "spring.cloud.stream.bindings.toBookings.destination=pause-bookings",
                "spring.cloud.stream.sqs.bindings.bookings-in-0.consumer.visibility-timeout=30s",
                "spring.cloud.stream.sqs.bindings.bookings-in-0.consumer.max-receive-count=3",
                "spring.cloud.stream.sqs.default.consumer.poll-timeout=1s",
                "appointments.dynamodb.consumer-binding=bookings-in-0", "appointments.dynamodb.circuit-open-for=2s",
                "appointments.dynamodb.redeliver-after=2s", "management.otlp.metrics.export.enabled=false" })
class ConsumerPauseIntegrationTests {

    private static final EmbeddedEngines engines = EmbeddedEngines.shared();

    private static final SqsClient sqs = engines.sqs();

    /** Three receives of 2 s each fit into it more than twice. */
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    private static final int MESSAGES = 6;

    @Autowired
    StreamBridge streamBridge;

    @Autowired
    App app;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        engines.springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void pausesTheConsumerDuringALongOutageAndProcessesItsMessagesSoonAfterTheReturn() throws InterruptedException {
        send("before");
        await().atMost(Duration.ofSeconds(15)).until(() -> app.processed.contains("before"));

        List<String> during = IntStream.range(0, MESSAGES).mapToObj(i -> "during-" + i).toList();
        Instant returned;
        engines.stopDynamoDb();
        try {
            during.forEach(this::send);
            Thread.sleep(OUTAGE);
        }
        finally {
            engines.startDynamoDb();
            returned = Instant.now();
        }

        await().atMost(Duration.ofSeconds(25)).until(() -> app.processed.containsAll(during));
        Duration recovery = Duration.between(returned, Instant.now());

        // Each message failed at most twice (before the circuit opened, and while the
        // binding stopped), not at every
        // redelivery of 2 s, which would have been 7 receives and the dead-letter queue
        // after 3.
        assertThat(during)
            .allSatisfy(message -> assertThat(app.failures.getOrDefault(message, 0)).as("failed receives of " + message)
                .isLessThanOrEqualTo(2));
        assertThat(recovery).as("time from DynamoDB's return to the last message processed")
            .isLessThan(Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(messagesOn("pause-bookings")).isZero());
        assertThat(messagesOn("pause-bookings-dlq")).as("messages in the dead-letter queue").isZero();
    }

    private void send(String payload) {
        streamBridge.send("toBookings", MessageBuilder.withPayload(payload).build());
    }

    private static int messagesOn(String queue) {
        String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
        var attributes = sqs
            .getQueueAttributes(request -> request.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        final Map<String, Integer> failures = new ConcurrentHashMap<>();

        final Set<String> processed = ConcurrentHashMap.newKeySet();

        /**
         * The engines' own client, which other tests go on using after this context
         * closes.
         */
        @Bean(destroyMethod = "")
        DynamoDbClient dynamoDbClient() {
            return engines.dynamoDb();
        }

        /** Reads the appointments table through the circuit, as every store call does. */
        @Bean
        Consumer<Message<String>> bookings(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
            return message -> {
                try {
                    calls.call(() -> dynamoDb.describeTable(request -> request.tableName(Tables.Appointments.NAME)));
                }
                catch (RuntimeException ex) {
                    failures.merge(message.getPayload(), 1, Integer::sum);
                    throw ex;
                }
                processed.add(message.getPayload());
            };
        }

    }

}
