package dev.appointments.confirmation.messaging;

import java.util.List;

import dev.appointments.model.MessageTypes;
import dev.appointments.model.reminders.AppointmentRemindersMessage;
import dev.appointments.model.reminders.NotifyPatient;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends notices to the reminder-service. A send that fails throws, so the message that caused it is not
 * acknowledged and the notices are sent again on redelivery; the reminder-service sends each notice once.
 */
@Component
class ReminderPublisher {

    static final String BINDING = "appointmentReminders-out-0";

    private final StreamBridge streamBridge;
    private final JsonMapper json;

    ReminderPublisher(StreamBridge streamBridge, JsonMapper json) {
        this.streamBridge = streamBridge;
        this.json = json;
    }

    void publish(List<AppointmentRemindersMessage> notices) {
        String causeId = causeOf(notices);
        for (AppointmentRemindersMessage notice : notices) {
            String type = MessageTypes.typeOf(notice);
            var message = MessageBuilder
                    .withPayload(json.writerFor(AppointmentRemindersMessage.class).writeValueAsString(notice))
                    .setHeader("type", type)
                    .setHeader("requestId", causeId == null ? notice.appointmentId() : causeId)
                    .setHeader("contentType", "application/json")
                    .build();
            if (!streamBridge.send(BINDING, message)) {
                throw new IllegalStateException("Could not send " + type + " for " + notice.appointmentId());
            }
        }
    }

    /** The notices of one step share its cause: the command's requestId, or the timer's id. */
    private static String causeOf(List<AppointmentRemindersMessage> notices) {
        return notices.stream().filter(NotifyPatient.class::isInstance).map(NotifyPatient.class::cast)
                .map(NotifyPatient::causeId).findFirst().orElse(null);
    }
}
