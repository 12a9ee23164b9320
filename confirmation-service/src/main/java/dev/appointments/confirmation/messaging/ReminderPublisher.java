package dev.appointments.confirmation.messaging;

import java.util.ArrayList;
import java.util.List;

import dev.appointments.model.MessageTypes;
import dev.appointments.model.reminders.AppointmentRemindersMessage;
import dev.appointments.model.reminders.NotifyPatient;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends notices to the reminder-service: the notices of one step (a confirmation's notice
 * and its reminder plan) go in one SendMessageBatch, each still its own message for the
 * reminder-service. A send that fails, or a batch of which SQS refuses an entry, throws,
 * so the message that caused it is not acknowledged and the notices are sent again on
 * redelivery; the reminder-service sends each notice once.
 * <p>
 * The binding encodes natively ({@code use-native-encoding}): the bodies are JSON
 * already, and a batch is a list of messages that the binder's SQS handler sends with
 * SendMessageBatch, which a content-type conversion would turn into one JSON array.
 */
@Component
class ReminderPublisher {

    static final String BINDING = "appointmentReminders-out-0";

    /** The most entries SQS takes in one SendMessageBatch. */
    private static final int MAX_BATCH = 10;

    private final StreamBridge streamBridge;

    private final JsonMapper json;

    ReminderPublisher(StreamBridge streamBridge, JsonMapper json) {
        this.streamBridge = streamBridge;
        this.json = json;
    }

    void publish(List<AppointmentRemindersMessage> notices) {
        String causeId = causeOf(notices);
        List<Message<String>> messages = new ArrayList<>();
        for (AppointmentRemindersMessage notice : notices) {
            messages.add(MessageBuilder
                .withPayload(json.writerFor(AppointmentRemindersMessage.class).writeValueAsString(notice))
                .setHeader("type", MessageTypes.typeOf(notice))
                .setHeader("requestId", causeId == null ? notice.appointmentId() : causeId)
                .setHeader("contentType", "application/json")
                .build());
        }
        for (int from = 0; from < messages.size(); from += MAX_BATCH) {
            List<Message<String>> batch = messages.subList(from, Math.min(messages.size(), from + MAX_BATCH));
            Object payload = batch.size() == 1 ? batch.getFirst()
                    : MessageBuilder.withPayload(List.copyOf(batch)).build();
            if (!streamBridge.send(BINDING, payload)) {
                throw new IllegalStateException(
                        "Could not send " + batch.size() + " notice(s) for " + notices.getFirst().appointmentId());
            }
        }
    }

    /**
     * The notices of one step share its cause: the command's requestId, or the timer's
     * id.
     */
    private static String causeOf(List<AppointmentRemindersMessage> notices) {
        return notices.stream()
            .filter(NotifyPatient.class::isInstance)
            .map(NotifyPatient.class::cast)
            .map(NotifyPatient::causeId)
            .findFirst()
            .orElse(null);
    }

}
