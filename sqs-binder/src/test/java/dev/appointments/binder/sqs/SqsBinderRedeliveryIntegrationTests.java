package dev.appointments.binder.sqs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.appointments.binder.sqs.consumer.RedeliveryDelay;
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

/**
 * A failure that the application's {@link RedeliveryDelay} names comes back after that
 * delay rather than after the binding's visibility timeout (30 s here); any other failure
 * still waits for the visibility timeout.
 */
// Closed after the class, while the shared engines still run, so that pending deletes
// reach them.
@DirtiesContext
@SpringBootTest(classes = SqsBinderRedeliveryIntegrationTests.App.class,
        properties = { "spring.cloud.function.definition=flaky",
                "spring.cloud.stream.bindings.flaky-in-0.destination=binder-redelivery",
                "spring.cloud.stream.bindings.toFlaky.destination=binder-redelivery",
                "spring.cloud.stream.sqs.bindings.flaky-in-0.consumer.visibility-timeout=30s",
                "spring.cloud.stream.sqs.default.consumer.poll-timeout=1s" })
class SqsBinderRedeliveryIntegrationTests {

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
    void aFailureWithARedeliveryDelayComesBackAfterThatDelayInsteadOfTheVisibilityTimeout() {
        streamBridge.send("toFlaky", MessageBuilder.withPayload("unavailable-once").build());

        await().atMost(Duration.ofSeconds(15)).until(() -> app.calls("unavailable-once").size() == 2);

        List<Instant> calls = app.calls("unavailable-once");
        assertThat(Duration.between(calls.get(0), calls.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(1500))
            .isLessThan(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(messagesOn("binder-redelivery")).isZero());
    }

    @Test
    void anyOtherFailureWaitsForTheVisibilityTimeout() throws InterruptedException {
        streamBridge.send("toFlaky", MessageBuilder.withPayload("broken-once").build());

        await().atMost(Duration.ofSeconds(10)).until(() -> app.calls("broken-once").size() == 1);
        Thread.sleep(8_000);

        assertThat(app.calls("broken-once")).hasSize(1);
        assertThat(attribute("binder-redelivery", QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .isGreaterThanOrEqualTo(1);
    }

    private static int messagesOn(String queue) {
        return attribute(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                + attribute(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
    }

    private static int attribute(String queue, QueueAttributeName attribute) {
        String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
        return Integer.parseInt(sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(attribute))
            .attributes()
            .get(attribute));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        final List<Message<String>> received = new CopyOnWriteArrayList<>();

        final List<Instant> receivedAt = new CopyOnWriteArrayList<>();

        List<Instant> calls(String payload) {
            List<Instant> calls = new java.util.ArrayList<>();
            for (int i = 0; i < received.size(); i++) {
                if (received.get(i).getPayload().equals(payload)) {
                    calls.add(receivedAt.get(i));
                }
            }
            return calls;
        }

        /**
         * Only a dependency that is down (here: {@link IllegalStateException}) asks for a
         * quick redelivery.
         */
        @Bean
        RedeliveryDelay redeliveryDelay() {
            return (binding, failure) -> binding.equals("flaky-in-0") && failure instanceof IllegalStateException
                    ? Optional.of(Duration.ofSeconds(2)) : Optional.empty();
        }

        /**
         * Fails on the first receive of each message: "unavailable-..." as a dependency
         * that is down.
         */
        @Bean
        Consumer<Message<String>> flaky() {
            return message -> {
                synchronized (this) {
                    received.add(message);
                    receivedAt.add(Instant.now());
                }
                if (calls(message.getPayload()).size() == 1) {
                    if (message.getPayload().startsWith("unavailable")) {
                        throw new IllegalStateException("dependency down");
                    }
                    throw new UnsupportedOperationException("broken");
                }
            };
        }

    }

}
