package dev.appointments.confirmation.messaging;

import java.util.function.Consumer;

import dev.appointments.confirmation.lifecycle.UnanswerableMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppointmentConfirmationsConsumerTests {

    private final Consumer<Message<String>> consumer = new AppointmentConfirmationsConsumer()
        .appointmentConfirmations(JsonMapper.builder().build(), null, null, new SimpleMeterRegistry());

    // Without a readable requestId, so there is nothing to answer: the handler is never
    // asked.
    @ParameterizedTest
    @ValueSource(strings = { "not json", "{\"type\": \"BookEverything\", \"requestId\": \"r 1\"}",
            "{\"type\": \"ConfirmAppointment\", \"requestId\": {\"ada@example.com\": 1}}", "[]" })
    void unreadableMessageThrowsWithoutRepeatingItsContent(String body) {
        assertThatThrownBy(() -> consumer.accept(MessageBuilder.withPayload(body).build()))
            .isInstanceOf(UnanswerableMessage.class)
            .hasMessageStartingWith("Not a message of appointment-confirmations")
            .hasMessageNotContaining("ada@example.com");
    }

}
