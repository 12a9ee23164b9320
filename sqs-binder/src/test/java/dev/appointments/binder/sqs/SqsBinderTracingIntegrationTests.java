package dev.appointments.binder.sqs;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.appointments.engines.EmbeddedEngines;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
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

import static org.assertj.core.api.Assertions.assertThat;

// Closed after the class, while the shared engines still run, so that pending deletes reach them.
@DirtiesContext
@SpringBootTest(classes = SqsBinderTracingIntegrationTests.App.class,
        properties = { "spring.cloud.function.definition=traced",
                "spring.cloud.stream.bindings.traced-in-0.destination=binder-tracing",
                "spring.cloud.stream.bindings.toTraced.destination=binder-tracing",
                "spring.cloud.stream.bindings.toTracedInBatches.destination=binder-tracing",
                "spring.cloud.stream.bindings.toTracedInBatches.producer.use-native-encoding=true",
                "spring.cloud.stream.sqs.default.consumer.poll-timeout=1s",
                "management.tracing.sampling.probability=1.0" })
class SqsBinderTracingIntegrationTests {

    @Autowired
    StreamBridge streamBridge;

    @Autowired
    ObservationRegistry observationRegistry;

    @Autowired
    Tracer tracer;

    @Autowired
    App app;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        EmbeddedEngines.shared().springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void traceContextTravelsInMessageAttributesToTheFunction() throws InterruptedException {
        AtomicReference<String> traceId = new AtomicReference<>();
        Observation.createNotStarted("booking.front-end", observationRegistry).observe(() -> {
            traceId.set(tracer.currentSpan().context().traceId());
            streamBridge.send("toTraced", MessageBuilder.withPayload("{}").setHeader("requestId", "req-trace").build());
        });

        Traced traced = app.traced.poll(20, TimeUnit.SECONDS);

        assertThat(traced).isNotNull();
        assertThat(traced.traceparent()).startsWith("00-" + traceId.get() + "-");
        assertThat(traced.currentTraceId()).isEqualTo(traceId.get());
        assertThat(traced.mdcTraceId()).isEqualTo(traceId.get());
    }

    @Test
    void everyMessageOfABatchCarriesTheTraceContext() throws InterruptedException {
        AtomicReference<String> traceId = new AtomicReference<>();
        Observation.createNotStarted("booking.front-end", observationRegistry).observe(() -> {
            traceId.set(tracer.currentSpan().context().traceId());
            List<Message<String>> batch = List.of(
                    MessageBuilder.withPayload("{\"n\":1}").setHeader("requestId", "req-batch-1").build(),
                    MessageBuilder.withPayload("{\"n\":2}").setHeader("requestId", "req-batch-2").build());
            streamBridge.send("toTracedInBatches", MessageBuilder.withPayload(batch).build());
        });

        for (int received = 0; received < 2; received++) {
            Traced traced = app.traced.poll(20, TimeUnit.SECONDS);
            assertThat(traced).as("message %d of the batch", received + 1).isNotNull();
            assertThat(traced.traceparent()).startsWith("00-" + traceId.get() + "-");
            assertThat(traced.currentTraceId()).isEqualTo(traceId.get());
        }
    }

    record Traced(String traceparent, String currentTraceId, String mdcTraceId) {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        final BlockingQueue<Traced> traced = new LinkedBlockingQueue<>();

        @Bean
        Consumer<Message<String>> traced(Tracer tracer) {
            return message -> traced.add(new Traced((String) message.getHeaders().get("traceparent"),
                    tracer.currentSpan() == null ? null : tracer.currentSpan().context().traceId(),
                    MDC.get("traceId")));
        }

    }

}
