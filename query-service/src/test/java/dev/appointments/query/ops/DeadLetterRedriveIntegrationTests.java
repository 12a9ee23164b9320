package dev.appointments.query.ops;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance: poison messages land in the DLQ, the ops API lists them with bodies intact
 * (and leaves them there), redrive moves them back, and once the cause is fixed they are
 * processed; none is lost.
 */
class DeadLetterRedriveIntegrationTests extends OpsIntegrationTest {

    @Test
    void poisonMessagesAreListedRedrivenAndProcessedOnceFixed() {
        TestConsumers.fixed.set(false);
        String url = url(POISON_QUEUE);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String body = "{\"type\":\"RequestAppointment\",\"requestId\":\"" + UUID.randomUUID()
                    + "\",\"poison\":true,\"n\":" + i + "}";
            bodies.add(body);
            engines.sqs()
                .sendMessage(request -> request.queueUrl(url)
                    .messageBody(body)
                    .messageAttributes(Map.of("type",
                            MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("RequestAppointment")
                                .build())));
        }

        // Received twice and failed twice (1 s visibility timeout), then moved to the DLQ
        // by SQS.
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(queueView(POISON_QUEUE).path("deadLetterQueue").path("visible").asLong())
                .isEqualTo(3));
        assertThat(TestConsumers.processed).doesNotContainAnyElementsOf(bodies);

        JsonNode peeked = json(get("/api/ops/dlq/" + POISON_QUEUE + "/messages?limit=10"));
        assertThat(peeked.path("deadLetterQueue").asString()).isEqualTo(POISON_QUEUE + "-dlq");
        assertThat(peeked.path("messages")).hasSize(3);
        assertThat(peeked.path("messages")).extracting(message -> message.path("body").asString())
            .containsExactlyInAnyOrderElementsOf(bodies);
        for (JsonNode message : peeked.path("messages")) {
            assertThat(message.path("attributes").path("type").asString()).isEqualTo("RequestAppointment");
            assertThat(message.path("receiveCount").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(message.path("firstReceivedAt").isNull()).isFalse();
            assertThat(message.path("sentAt").isNull()).isFalse();
        }
        // Peeking loses nothing: they are all visible again, right away, and a second
        // peek sees them all.
        assertThat(depth(POISON_QUEUE + "-dlq")[0]).isEqualTo(3);
        assertThat(json(get("/api/ops/dlq/" + POISON_QUEUE + "-dlq/messages")).path("messages")).hasSize(3);

        TestConsumers.fixed.set(true);
        HttpResponse<String> started = post("/api/ops/dlq/" + POISON_QUEUE + "/redrive");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/ops/redrives/" + json(started).path("id").asString());
        assertThat(json(started).path("deadLetterQueue").asString()).isEqualTo(POISON_QUEUE + "-dlq");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode progress = json(get(URI.create(location).getPath()));
            assertThat(progress.path("status").asString()).isEqualTo("COMPLETED");
            assertThat(progress.path("moved").asLong()).isEqualTo(3);
        });
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(TestConsumers.processed).containsAll(bodies));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode view = queueView(POISON_QUEUE);
            assertThat(view.path("visible").asLong() + view.path("inFlight").asLong()).isZero();
            assertThat(view.path("deadLetterQueue").path("visible").asLong()
                    + view.path("deadLetterQueue").path("inFlight").asLong())
                .isZero();
        });
    }

    @Test
    void unknownQueuesAreAnsweredWithAProblem() {
        for (String path : new String[] { "/api/ops/dlq/no-such-queue/messages",
                "/api/ops/dlq/no-such-queue-dlq/messages" }) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(response).path("detail").asString()).contains("no-such-queue", "appointment-requests");
        }
        assertThat(post("/api/ops/dlq/no-such-queue/redrive").statusCode()).isEqualTo(404);
        assertThat(get("/api/ops/redrives/bm8tc3VjaC1xdWV1ZQp0YXNr").statusCode()).isEqualTo(404);
        assertThat(get("/api/ops/redrives/not-an-id").statusCode()).isEqualTo(404);
    }

    @Test
    void aPeekLimitOutsideOneToAHundredIsABadParameter() {
        for (String limit : new String[] { "0", "101" }) {
            HttpResponse<String> response = get("/api/ops/dlq/" + POISON_QUEUE + "/messages?limit=" + limit);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).path("parameter").asString()).isEqualTo("limit");
        }
    }

}
