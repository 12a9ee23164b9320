package dev.appointments.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.appointments.resources.Queues;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.OutcomeStatus;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import static dev.appointments.request.BookingIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UnreadableAndOutageIntegrationTests extends RequestServiceIntegrationTest {

    @Test
    void unreadableMessagesGoToTheDeadLetterQueueAtOnceAndIntact() {
        String marker = UUID.randomUUID().toString();
        List<String> bodies = List.of("this is not json " + marker,
                "{\"type\": \"RequestAppointment\", \"requestId\": \"" + marker + "\", \"durationMinutes\": \"long\"}",
                "{\"type\": \"BookEverything\", \"requestId\": \"" + marker + "-x\"}",
                requestAppointment("%s", "dr-" + marker, unique("x"), "2027-03-03", "09:00", null)
                    .replace("\"requestId\": \"%s\", ", ""));
        Instant sent = Instant.now();
        bodies.forEach(this::send);

        // Redelivery would take (max-receive-count - 1) x the visibility timeout of 3 s:
        // 12 s at the least.
        List<Message> dead = await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> peek(Queues.APPOINTMENT_REQUESTS + "-dlq").stream()
                .filter(message -> message.body().contains(marker))
                .toList(), messages -> messages.size() == bodies.size());

        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(dead).extracting(Message::body).containsExactlyInAnyOrderElementsOf(bodies);
    }

    @Test
    void anUnreadableCommandWithAReadableRequestIdIsAnsweredInvalidAndSaysWhereItIs() {
        String badField = newRequestId();
        String unknownType = newRequestId();
        String plainText = newRequestId();
        send("{\"type\": \"RequestAppointment\", \"requestId\": \"" + badField + "\", \"durationMinutes\": \"long\"}");
        send("{\"type\": \"BookEverything\", \"requestId\": \"" + unknownType + "\"}");
        String url = queueUrl(Queues.APPOINTMENT_REQUESTS);
        engines.sqs()
            .sendMessage(request -> request.queueUrl(url)
                .messageBody("not json at all")
                .messageAttributes(Map.of("requestId",
                        MessageAttributeValue.builder().dataType("String").stringValue(plainText).build())));

        for (String requestId : List.of(badField, unknownType, plainText)) {
            Outcome outcome = awaitOutcome(requestId);
            assertThat(outcome.status()).as(requestId).isEqualTo(OutcomeStatus.REJECTED);
            assertThat(outcome.reason()).isEqualTo("INVALID");
            assertThat(outcome.deadLetterQueue()).isEqualTo(Queues.APPOINTMENT_REQUESTS + "-dlq");
        }
        assertThat(outcomes.find(badField).orElseThrow().message()).contains("durationMinutes");
        assertThat(outcomes.find(unknownType).orElseThrow().message()).contains("BookEverything");
    }

    @Test
    void noRequestIsLostWhileDynamoDbIsDown() {
        String provider = newProvider(false);
        List<String> before = List.of(newRequestId(), newRequestId());
        List<String> during = List.of(newRequestId(), newRequestId(), newRequestId(), newRequestId(), newRequestId());
        before.forEach(requestId -> send(
                requestAppointment(requestId, provider, unique("b"), "2027-03-09", slot(requestId, before), null)));
        before.forEach(this::awaitOutcome);

        engines.stopDynamoDb();
        try {
            during.forEach(requestId -> send(
                    requestAppointment(requestId, provider, unique("d"), "2027-03-10", slot(requestId, during), null)));
            await().pollDelay(Duration.ofSeconds(8)).until(() -> true);
        }
        finally {
            engines.startDynamoDb();
        }

        List<Outcome> outcomesAfter = during.stream().map(this::awaitOutcome).toList();
        assertThat(outcomesAfter).hasSize(during.size())
            .allSatisfy(outcome -> assertThat(outcome.status().name()).isEqualTo("ACCEPTED"));
        assertThat(peek(Queues.APPOINTMENT_REQUESTS + "-dlq"))
            .noneMatch(message -> during.stream().anyMatch(message.body()::contains));
    }

    private static String slot(String requestId, List<String> all) {
        int index = all.indexOf(requestId);
        return "%02d:%02d".formatted(9 + index / 4, (index % 4) * 15);
    }

}
