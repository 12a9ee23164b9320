package dev.appointments.confirmation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.appointments.resources.Queues;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.OutcomeStatus;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UnreadableMessagesIntegrationTests extends ConfirmationServiceIntegrationTest {

    @Test
    void anUnreadableProducerCommandIsAnsweredInvalidAndDeadLetteredAtOnce() {
        String requestId = newRequestId();
        String body = "{\"type\": \"ConfirmAppointment\", \"requestId\": \"" + requestId
                + "\", \"appointmentId\": {\"not\": \"an id\"}}";

        send(body);

        Outcome outcome = awaitOutcome(requestId);
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.reason()).isEqualTo("INVALID");
        assertThat(outcome.commandType()).isEqualTo("ConfirmAppointment");
        assertThat(outcome.message()).contains("appointmentId");
        assertThat(outcome.deadLetterQueue()).isEqualTo(Queues.APPOINTMENT_CONFIRMATIONS + "-dlq");
        // Redelivery would take (max-receive-count - 1) x the visibility timeout of 3 s:
        // 12 s at the least.
        assertThat(awaitDeadLetter(requestId, Duration.ofSeconds(10)).body()).isEqualTo(body);
    }

    @Test
    void aCommandWithoutRequestIdIsDeadLetteredAtOnce() {
        String marker = UUID.randomUUID().toString();
        String body = "{\"type\": \"MarkNoShow\", \"appointmentId\": \"" + marker + "\"}";

        send(body);

        assertThat(awaitDeadLetter(marker, Duration.ofSeconds(10)).body()).isEqualTo(body);
    }

    private Message awaitDeadLetter(String marker, Duration within) {
        String url = queueUrl(Queues.APPOINTMENT_CONFIRMATIONS + "-dlq");
        List<Message> seen = new ArrayList<>();
        return await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> {
            seen.addAll(engines.sqs()
                .receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(30))
                .messages());
            return seen.stream().filter(message -> message.body().contains(marker)).findFirst();
        }, java.util.Optional::isPresent).orElseThrow();
    }

}
