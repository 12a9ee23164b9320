package dev.appointments.query.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance: 100 messages on a queue whose consumer is stopped show as 100 in the ops
 * API and in the Prometheus gauges within one polling interval; once the consumer has
 * drained them, 0.
 */
class QueueDepthIntegrationTests extends OpsIntegrationTest {

    /**
     * One polling interval, plus slack for the poll's own SQS call, the scrape and the
     * assertion on a busy two-core CI machine.
     */
    private static final Duration WITHIN_ONE_INTERVAL = POLL_INTERVAL.plusSeconds(2);

    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void aHundredWaitingMessagesShowInTheApiAndTheGaugesAndDrainToZero() {
        assertThat(bindings.queryState("opsDrain-in-0")).extracting(Binding::isRunning).containsOnly(false);
        String url = url(DEPTH_QUEUE);
        for (int batch = 0; batch < 10; batch++) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                    .id("m" + i)
                    .messageBody("{\"n\":" + (batch * 10 + i) + "}")
                    .build());
            }
            assertThat(engines.sqs().sendMessageBatch(request -> request.queueUrl(url).entries(entries)).failed())
                .isEmpty();
        }

        JsonNode view = queueView(DEPTH_QUEUE);
        assertThat(view.path("visible").asLong()).isEqualTo(100);
        assertThat(view.path("inFlight").asLong()).isZero();
        assertThat(view.path("deadLetterQueue").path("name").asString()).isEqualTo(DEPTH_QUEUE + "-dlq");
        assertThat(view.path("redrivePolicy").path("deadLetterQueue").asString()).isEqualTo(DEPTH_QUEUE + "-dlq");
        assertThat(view.path("redrivePolicy").path("maxReceiveCount").asInt()).isEqualTo(2);
        await().atMost(WITHIN_ONE_INTERVAL)
            .pollInterval(Duration.ofMillis(100))
            .untilAsserted(() -> assertThat(scraped("sqs_queue_messages_visible", DEPTH_QUEUE)).isEqualTo(100));

        bindings.start("opsDrain-in-0");
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode drained = queueView(DEPTH_QUEUE);
                assertThat(drained.path("visible").asLong() + drained.path("inFlight").asLong()).isZero();
            });
            await().atMost(WITHIN_ONE_INTERVAL).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                assertThat(scraped("sqs_queue_messages_visible", DEPTH_QUEUE)).isZero();
                assertThat(scraped("sqs_queue_messages_in_flight", DEPTH_QUEUE)).isZero();
            });
        }
        finally {
            bindings.stop("opsDrain-in-0");
        }
    }

    @Test
    void listsEveryWatchedQueueWithItsDeadLetterQueueAndRedrivePolicy() {
        JsonNode requests = queueView("appointment-requests");
        assertThat(requests.path("redrivePolicy").path("deadLetterQueue").asString())
            .isEqualTo("appointment-requests-dlq");
        assertThat(requests.path("redrivePolicy").path("maxReceiveCount").asInt()).isPositive();
        assertThat(requests.path("deadLetterQueue").path("visible").isNumber()).isTrue();
        assertThat(json(get("/api/ops/queues")).path("queues")).extracting(queue -> queue.path("name").asString())
            .containsExactly("appointment-requests", "appointment-confirmations", "appointment-reminders", DEPTH_QUEUE,
                    POISON_QUEUE, BROWSER_QUEUE);
    }

    @Test
    void gaugesAreTaggedWithTheQueueAndItsKind() {
        await().atMost(WITHIN_ONE_INTERVAL)
            .untilAsserted(() -> assertThat(get("/actuator/prometheus").body())
                .contains("sqs_queue_messages_visible{kind=\"work\",queue=\"appointment-requests\"")
                .contains("sqs_queue_messages_visible{kind=\"dead-letter\",queue=\"appointment-requests-dlq\"")
                .contains("sqs_queue_messages_in_flight{kind=\"work\",queue=\"" + DEPTH_QUEUE + "\"")
                .contains("sqs_queue_messages_delayed{kind=\"dead-letter\",queue=\"" + POISON_QUEUE + "-dlq\""));
    }

}
