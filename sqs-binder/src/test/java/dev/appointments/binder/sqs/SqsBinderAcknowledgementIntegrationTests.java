package dev.appointments.binder.sqs;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.appointments.engines.EmbeddedEngines;
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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// Closed after the class, while the shared engines still run, so that pending deletes reach them.
@DirtiesContext
@SpringBootTest(classes = SqsBinderAcknowledgementIntegrationTests.App.class, properties = {
        "spring.cloud.function.definition=failing;blocking;parallel;unreadable",
        "spring.cloud.stream.bindings.unreadable-in-0.destination=binder-ack-unreadable",
        "spring.cloud.stream.bindings.unreadable-in-0.consumer.retryable-exceptions.java.lang.IllegalArgumentException=false",
        "spring.cloud.stream.bindings.toUnreadable.destination=binder-ack-unreadable",
        "spring.cloud.stream.sqs.bindings.unreadable-in-0.consumer.visibility-timeout=5s",
        "spring.cloud.stream.bindings.failing-in-0.destination=binder-ack-failing",
        "spring.cloud.stream.bindings.toFailing.destination=binder-ack-failing",
        "spring.cloud.stream.sqs.bindings.failing-in-0.consumer.max-receive-count=2",
        "spring.cloud.stream.sqs.bindings.failing-in-0.consumer.visibility-timeout=1s",
        "spring.cloud.stream.bindings.blocking-in-0.destination=binder-ack-blocking",
        "spring.cloud.stream.bindings.toBlocking.destination=binder-ack-blocking",
        "spring.cloud.stream.bindings.parallel-in-0.destination=binder-ack-parallel",
        "spring.cloud.stream.bindings.parallel-in-0.consumer.concurrency=4",
        "spring.cloud.stream.bindings.toParallel.destination=binder-ack-parallel",
        "spring.cloud.stream.sqs.default.consumer.poll-timeout=1s" })
class SqsBinderAcknowledgementIntegrationTests {

    private static final SqsClient sqs = EmbeddedEngines.shared().sqs();

    @Autowired
    StreamBridge streamBridge;

    @Autowired
    App app;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        EmbeddedEngines.shared().springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void failingMessageEndsInTheDeadLetterQueueAfterMaxReceiveCountWithBodyAndAttributesIntact() {
        streamBridge.send("toFailing",
                MessageBuilder.withPayload("{\"doomed\":true}")
                    .setHeader("type", "Doomed")
                    .setHeader("requestId", "req-dlq")
                    .build());

        String deadLetterQueue = url("binder-ack-failing-dlq");
        var deadLetters = await().atMost(Duration.ofSeconds(30))
            .until(() -> sqs
                .receiveMessage(
                        request -> request.queueUrl(deadLetterQueue).waitTimeSeconds(1).messageAttributeNames("All"))
                .messages(), messages -> !messages.isEmpty());

        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.getFirst().body()).isEqualTo("{\"doomed\":true}");
        assertThat(deadLetters.getFirst().messageAttributes().get("type").stringValue()).isEqualTo("Doomed");
        assertThat(deadLetters.getFirst().messageAttributes().get("requestId").stringValue()).isEqualTo("req-dlq");
        // One call per receive: no in-process retries on top of SQS redelivery.
        assertThat(app.failingCalls).hasValue(2);
        assertThat(messagesOn("binder-ack-failing")).isZero();
    }

    @Test
    void aFailureDeclaredNotRetryableSendsTheMessageToTheDeadLetterQueueAtOnceIntact() {
        streamBridge.send("toUnreadable",
                MessageBuilder.withPayload("never readable")
                    .setHeader("type", "Odd")
                    .setHeader("requestId", "req-unreadable")
                    .build());

        String deadLetterQueue = url("binder-ack-unreadable-dlq");
        // Redelivery would wait for the visibility timeout, 5 s, four times.
        var deadLetters = await().atMost(Duration.ofSeconds(4))
            .until(() -> sqs
                .receiveMessage(
                        request -> request.queueUrl(deadLetterQueue).waitTimeSeconds(1).messageAttributeNames("All"))
                .messages(), messages -> !messages.isEmpty());

        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.getFirst().body()).isEqualTo("never readable");
        assertThat(deadLetters.getFirst().messageAttributes().get("type").stringValue()).isEqualTo("Odd");
        assertThat(deadLetters.getFirst().messageAttributes().get("requestId").stringValue())
            .isEqualTo("req-unreadable");
        assertThat(app.unreadableCalls).hasValue(1);
        await().atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(messagesOn("binder-ack-unreadable")).isZero());
    }

    @Test
    void deletesAMessageOnlyAfterTheFunctionReturned() throws InterruptedException {
        streamBridge.send("toBlocking", MessageBuilder.withPayload("{}").build());

        assertThat(app.blockingEntered.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(attribute("binder-ack-blocking", QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .isEqualTo(1);
        assertThat(attribute("binder-ack-blocking", QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isZero();

        app.releaseBlocking.countDown();

        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(messagesOn("binder-ack-blocking")).isZero());
    }

    @Test
    void processesMessagesInParallelUpToTheBindingsConcurrency() {
        for (int i = 0; i < 8; i++) {
            streamBridge.send("toParallel", MessageBuilder.withPayload("{\"n\":" + i + "}").build());
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(app.parallelDone).hasValue(8));
        assertThat(app.parallelFailures).isEmpty();
        assertThat(app.parallelMaxActive).hasValue(4);
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(messagesOn("binder-ack-parallel")).isZero());
    }

    private static int messagesOn(String queue) {
        return attribute(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                + attribute(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
    }

    private static int attribute(String queue, QueueAttributeName attribute) {
        return Integer
            .parseInt(sqs.getQueueAttributes(request -> request.queueUrl(url(queue)).attributeNames(attribute))
                .attributes()
                .get(attribute));
    }

    private static String url(String queue) {
        return sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        final AtomicInteger failingCalls = new AtomicInteger();

        final AtomicInteger unreadableCalls = new AtomicInteger();

        final CountDownLatch blockingEntered = new CountDownLatch(1);

        final CountDownLatch releaseBlocking = new CountDownLatch(1);

        /**
         * Trips only when four calls wait at once: fewer threads time out, more would
         * exceed the maximum.
         */
        final CyclicBarrier fourAtOnce = new CyclicBarrier(4);

        final AtomicInteger parallelActive = new AtomicInteger();

        final AtomicInteger parallelMaxActive = new AtomicInteger();

        final AtomicInteger parallelDone = new AtomicInteger();

        final Set<Throwable> parallelFailures = ConcurrentHashMap.newKeySet();

        @Bean
        Consumer<Message<String>> failing() {
            return message -> {
                failingCalls.incrementAndGet();
                throw new IllegalStateException("failing on purpose");
            };
        }

        @Bean
        Consumer<Message<String>> unreadable() {
            return message -> {
                unreadableCalls.incrementAndGet();
                // A subclass of the class declared not retryable, wrapped: the cause
                // decides.
                throw new IllegalStateException("cannot read", new NumberFormatException("not a number"));
            };
        }

        @Bean
        Consumer<Message<String>> blocking() {
            return message -> {
                blockingEntered.countDown();
                try {
                    if (!releaseBlocking.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ex);
                }
            };
        }

        @Bean
        Consumer<Message<String>> parallel() {
            return message -> {
                parallelMaxActive.accumulateAndGet(parallelActive.incrementAndGet(), Math::max);
                try {
                    fourAtOnce.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException | BrokenBarrierException | TimeoutException ex) {
                    parallelFailures.add(ex);
                }
                finally {
                    parallelActive.decrementAndGet();
                    parallelDone.incrementAndGet();
                }
            };
        }

    }

}
