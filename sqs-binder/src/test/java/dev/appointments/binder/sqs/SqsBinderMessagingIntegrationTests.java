package dev.appointments.binder.sqs;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.appointments.binder.sqs.metrics.MeterNames;
import dev.appointments.engines.EmbeddedEngines;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

// Closed after the class, while the shared engines still run, so that pending deletes reach them.
@DirtiesContext
@SpringBootTest(classes = SqsBinderMessagingIntegrationTests.App.class,
        properties = { "spring.cloud.function.definition=echo;logged;typed;unreadable;delayed;metered",
                "spring.cloud.stream.bindings.unreadable-in-0.destination=binder-messaging-unreadable",
                "spring.cloud.stream.bindings.toUnreadable.destination=binder-messaging-unreadable",
                "spring.cloud.stream.sqs.bindings.unreadable-in-0.consumer.max-receive-count=1",
                "spring.cloud.stream.sqs.bindings.unreadable-in-0.consumer.visibility-timeout=1s",
                "spring.cloud.stream.bindings.typed-in-0.destination=binder-messaging-typed",
                "spring.cloud.stream.bindings.toTyped.destination=binder-messaging-typed",
                "spring.cloud.stream.bindings.echo-in-0.destination=binder-messaging-echo",
                "spring.cloud.stream.bindings.toEcho.destination=binder-messaging-echo",
                "spring.cloud.stream.bindings.logged-in-0.destination=binder-messaging-mdc",
                "spring.cloud.stream.bindings.toLogged.destination=binder-messaging-mdc",
                "spring.cloud.stream.bindings.delayed-in-0.destination=binder-messaging-delayed",
                "spring.cloud.stream.bindings.toDelayed.destination=binder-messaging-delayed",
                "spring.cloud.stream.bindings.metered-in-0.destination=binder-messaging-metered",
                "spring.cloud.stream.bindings.toMetered.destination=binder-messaging-metered",
                "spring.cloud.stream.sqs.bindings.metered-in-0.consumer.max-receive-count=1",
                "spring.cloud.stream.sqs.bindings.metered-in-0.consumer.visibility-timeout=1s",
                "spring.cloud.stream.sqs.bindings.toMetered.producer.header-patterns=type,requestId,fail",
                "spring.cloud.stream.bindings.toOutbox.destination=binder-messaging-outbox",
                "spring.cloud.stream.sqs.default.consumer.poll-timeout=1s",
                // Without a tracer the sender's own traceparent travels as is; a tracer
                // would write its current one.
                "management.tracing.export.enabled=false" })
class SqsBinderMessagingIntegrationTests {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Autowired
    StreamBridge streamBridge;

    @Autowired
    App app;

    @Autowired
    MeterRegistry meterRegistry;

    @Autowired
    BinderFactory binderFactory;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        EmbeddedEngines.shared().springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void deliversAMessageWithItsHeadersToTheFunction() throws InterruptedException {
        streamBridge.send("toEcho",
                MessageBuilder.withPayload("{\"type\":\"Ping\"}")
                    .setHeader("type", "Ping")
                    .setHeader("requestId", "req-headers")
                    .setHeader("correlationId", "corr-1")
                    .setHeader("traceparent", TRACEPARENT)
                    .build());

        Received received = app.echoed.poll(20, TimeUnit.SECONDS);

        assertThat(received).isNotNull();
        assertThat(received.message().getPayload()).isEqualTo("{\"type\":\"Ping\"}");
        assertThat(received.message().getHeaders()).containsEntry("type", "Ping")
            .containsEntry("requestId", "req-headers")
            .containsEntry("correlationId", "corr-1")
            .containsEntry("traceparent", TRACEPARENT);
    }

    @Test
    void putsRequestIdAndTypeIntoTheMdcOnlyWhileTheFunctionRuns() throws InterruptedException {
        streamBridge.send("toLogged",
                MessageBuilder.withPayload("{}").setHeader("type", "Ping").setHeader("requestId", "req-mdc").build());
        Received first = app.logged.poll(20, TimeUnit.SECONDS);
        // The binding has one thread, so the next message runs where the first one ran.
        streamBridge.send("toLogged", MessageBuilder.withPayload("{}").build());
        Received second = app.logged.poll(20, TimeUnit.SECONDS);

        assertThat(first.mdc()).containsEntry("requestId", "req-mdc").containsEntry("type", "Ping");
        assertThat(second.mdc()).doesNotContainKeys("requestId", "type");
        assertThat(second.thread()).isEqualTo(first.thread());
    }

    @Test
    void convertsAJsonBodyToTheFunctionsInputType() throws InterruptedException {
        streamBridge.send("toTyped", new Ping("Ping", 7));

        assertThat(app.typed.poll(20, TimeUnit.SECONDS)).isEqualTo(new Ping("Ping", 7));
    }

    @Test
    void leavesABodyThatCannotBeConvertedForTheDeadLetterQueue() {
        streamBridge.send("toUnreadable", MessageBuilder.withPayload("not json").build());

        var deadLetter = receiveOne("binder-messaging-unreadable-dlq");

        assertThat(deadLetter.body()).isEqualTo("not json");
        assertThat(app.unreadable).isEmpty();
    }

    @Test
    void appliesTheDefaultsToEveryBindingUnlessTheBindingSaysOtherwise() {
        var binder = (SqsMessageChannelBinder) binderFactory.getBinder("sqs", MessageChannel.class);

        assertThat(binder.getExtendedConsumerProperties("echo-in-0").getPollTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(binder.getExtendedConsumerProperties("echo-in-0").getMaxReceiveCount()).isEqualTo(5);
        assertThat(binder.getExtendedConsumerProperties("metered-in-0").getPollTimeout())
            .isEqualTo(Duration.ofSeconds(1));
        assertThat(binder.getExtendedConsumerProperties("metered-in-0").getMaxReceiveCount()).isEqualTo(1);
    }

    @Test
    void sendsOnlyTheMappedHeadersAsMessageAttributes() {
        streamBridge.send("toOutbox",
                MessageBuilder.withPayload("{\"n\":1}")
                    .setHeader("type", "Ping")
                    .setHeader("requestId", "req-outbox")
                    .setHeader("correlationId", "corr-2")
                    .setHeader("traceparent", TRACEPARENT)
                    .setHeader("tracestate", "vendor=1")
                    .setHeader("internal", "not for the wire")
                    .build());

        var message = receiveOne("binder-messaging-outbox");

        assertThat(message.body()).isEqualTo("{\"n\":1}");
        assertThat(message.messageAttributes()).containsOnlyKeys("type", "requestId", "correlationId", "traceparent",
                "tracestate", "contentType");
        assertThat(message.messageAttributes().get("requestId"))
            .isEqualTo(MessageAttributeValue.builder().dataType("String").stringValue("req-outbox").build());
    }

    @Test
    void delayHeaderDelaysDelivery() throws InterruptedException {
        Instant sent = Instant.now();
        streamBridge.send("toDelayed",
                MessageBuilder.withPayload("{}").setHeader(SqsBinderHeaders.DELAY_SECONDS, 3).build());

        assertThat(attribute("binder-messaging-delayed", QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
            .isEqualTo(1);
        Instant delivered = app.delayed.poll(20, TimeUnit.SECONDS);
        assertThat(delivered).isNotNull();
        assertThat(Duration.between(sent, delivered)).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void refusesADelayAboveFifteenMinutes() {
        Message<String> tooLate = MessageBuilder.withPayload("{}")
            .setHeader(SqsBinderHeaders.DELAY_SECONDS, SqsBinderHeaders.MAX_DELAY_SECONDS + 1)
            .build();

        assertThatThrownBy(() -> streamBridge.send("toDelayed", tooLate)).rootCause()
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(SqsBinderHeaders.DELAY_SECONDS)
            .hasMessageContaining("900");
    }

    @Test
    void countsReceivedSucceededFailedAndSentMessagesPerBinding() {
        streamBridge.send("toMetered", MessageBuilder.withPayload("{}").build());
        streamBridge.send("toMetered", MessageBuilder.withPayload("{}").setHeader("fail", "yes").build());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(count(MeterNames.SUCCEEDED)).isEqualTo(1);
            assertThat(count(MeterNames.FAILED)).isEqualTo(1);
        });
        assertThat(count(MeterNames.RECEIVED)).isEqualTo(2);
        assertThat(meterRegistry.get(MeterNames.PROCESSING).tag("binding", "metered-in-0").timer().count())
            .isEqualTo(2);
        assertThat(meterRegistry.get(MeterNames.SENT)
            .tag("binding", "toMetered")
            .tag("queue", "binder-messaging-metered")
            .counter()
            .count()).isEqualTo(2);
    }

    private double count(String meter) {
        return meterRegistry.get(meter)
            .tag("binding", "metered-in-0")
            .tag("queue", "binder-messaging-metered")
            .counter()
            .count();
    }

    private static software.amazon.awssdk.services.sqs.model.Message receiveOne(String queue) {
        var sqs = EmbeddedEngines.shared().sqs();
        String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
        // Short polls: a long poll is not woken by a message that SQS moves to a
        // dead-letter queue.
        var messages = await().atMost(Duration.ofSeconds(20))
            .until(() -> sqs
                .receiveMessage(request -> request.queueUrl(url).waitTimeSeconds(1).messageAttributeNames("All"))
                .messages(), found -> !found.isEmpty());
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    private static int attribute(String queue, QueueAttributeName attribute) {
        var sqs = EmbeddedEngines.shared().sqs();
        String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
        return Integer.parseInt(sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(attribute))
            .attributes()
            .get(attribute));
    }

    record Ping(String type, int n) {
    }

    record Received(Message<String> message, Map<String, String> mdc, String thread) {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        final BlockingQueue<Received> echoed = new LinkedBlockingQueue<>();

        final BlockingQueue<Received> logged = new LinkedBlockingQueue<>();

        final BlockingQueue<Ping> typed = new LinkedBlockingQueue<>();

        final BlockingQueue<Instant> delayed = new LinkedBlockingQueue<>();

        final BlockingQueue<Ping> unreadable = new LinkedBlockingQueue<>();

        @Bean
        Consumer<Ping> typed() {
            return typed::add;
        }

        @Bean
        Consumer<Ping> unreadable() {
            return unreadable::add;
        }

        @Bean
        Consumer<Message<String>> echo() {
            return message -> echoed.add(received(message));
        }

        @Bean
        Consumer<Message<String>> logged() {
            return message -> logged.add(received(message));
        }

        private static Received received(Message<String> message) {
            Map<String, String> mdc = MDC.getCopyOfContextMap();
            return new Received(message, mdc == null ? Map.of() : new HashMap<>(mdc), Thread.currentThread().getName());
        }

        @Bean
        Consumer<Message<String>> delayed() {
            return message -> delayed.add(Instant.now());
        }

        @Bean
        Consumer<Message<String>> metered() {
            return message -> {
                if ("yes".equals(message.getHeaders().get("fail"))) {
                    throw new IllegalStateException("failing as asked");
                }
            };
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

    }

}
