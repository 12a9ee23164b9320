package dev.appointments.request.messaging;

import java.util.List;

import dev.appointments.model.MessageTypes;
import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes facts to the confirmation-service. A send that fails throws, so the command's
 * message is not acknowledged and its facts are published again on redelivery.
 */
@Component
class FactPublisher {

    static final String BINDING = "appointmentConfirmations-out-0";

    private final StreamBridge streamBridge;

    private final JsonMapper json;

    FactPublisher(StreamBridge streamBridge, JsonMapper json) {
        this.streamBridge = streamBridge;
        this.json = json;
    }

    void publish(List<AppointmentConfirmationsMessage> facts, String requestId) {
        for (AppointmentConfirmationsMessage fact : facts) {
            var message = MessageBuilder.withPayload(json.writeValueAsString(fact))
                .setHeader("type", MessageTypes.typeOf(fact))
                .setHeader("requestId", requestId)
                .setHeader("contentType", "application/json")
                .build();
            if (!streamBridge.send(BINDING, message)) {
                throw new IllegalStateException("Could not publish " + MessageTypes.typeOf(fact) + " for " + requestId);
            }
        }
    }

}
