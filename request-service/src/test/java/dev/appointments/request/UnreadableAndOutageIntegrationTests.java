package dev.appointments.request;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.appointments.resources.Queues;
import dev.appointments.store.outcome.Outcome;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import static dev.appointments.request.BookingIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UnreadableAndOutageIntegrationTests extends RequestServiceIntegrationTest {

    @Test
    void unreadableMessagesEndInTheDeadLetterQueueIntactAndWriteNothing() {
        String marker = UUID.randomUUID().toString();
        List<String> bodies = List.of(
                "this is not json " + marker,
                "{\"type\": \"RequestAppointment\", \"requestId\": \"" + marker + "\", \"durationMinutes\": \"long\"}",
                "{\"type\": \"BookEverything\", \"requestId\": \"" + marker + "-x\"}");
        bodies.forEach(this::send);

        List<Message> dead = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(
                () -> peek(Queues.APPOINTMENT_REQUESTS + "-dlq").stream()
                        .filter(message -> message.body().contains(marker)).toList(),
                messages -> messages.size() == bodies.size());

        assertThat(dead).extracting(Message::body).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(outcomes.find(marker)).isEmpty();
        assertThat(outcomes.find(marker + "-x")).isEmpty();
    }

    @Test
    void noRequestIsLostWhileDynamoDbIsDown() {
        String provider = newProvider(false);
        List<String> before = List.of(newRequestId(), newRequestId());
        List<String> during = List.of(newRequestId(), newRequestId(), newRequestId(), newRequestId(), newRequestId());
        before.forEach(requestId -> send(requestAppointment(requestId, provider, unique("b"), "2027-03-09", slot(requestId, before), null)));
        before.forEach(this::awaitOutcome);

        engines.stopDynamoDb();
        try {
            during.forEach(requestId -> send(requestAppointment(requestId, provider, unique("d"), "2027-03-10",
                    slot(requestId, during), null)));
            await().pollDelay(Duration.ofSeconds(8)).until(() -> true);
        }
        finally {
            engines.startDynamoDb();
        }

        List<Outcome> outcomesAfter = during.stream().map(this::awaitOutcome).toList();
        assertThat(outcomesAfter).hasSize(during.size()).allSatisfy(outcome ->
                assertThat(outcome.status().name()).isEqualTo("ACCEPTED"));
        assertThat(peek(Queues.APPOINTMENT_REQUESTS + "-dlq")).noneMatch(message ->
                during.stream().anyMatch(message.body()::contains));
    }

    private static String slot(String requestId, List<String> all) {
        int index = all.indexOf(requestId);
        return "%02d:%02d".formatted(9 + index / 4, (index % 4) * 15);
    }
}
