package dev.appointments.reminder.messaging;

import java.util.List;
import java.util.function.Consumer;

import dev.appointments.model.FieldViolation;
import dev.appointments.model.FieldViolations;
import dev.appointments.model.MessageTypes;
import dev.appointments.model.reminders.AppointmentRemindersMessage;
import dev.appointments.model.reminders.NoticeKind;
import dev.appointments.model.reminders.NotifyPatient;
import dev.appointments.model.reminders.PlanReminders;
import dev.appointments.model.reminders.ReminderDue;
import dev.appointments.reminder.notification.PatientNotifier;
import dev.appointments.reminder.planning.ReminderPlanner;
import jakarta.validation.Validator;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer of appointment-reminders. A message is acknowledged when this function
 * returns: after its timers are scheduled or its notification is recorded as sent, failed
 * or skipped. An unreadable message, a DynamoDB failure or a notification another
 * instance is still delivering throws, and SQS redelivers the message.
 */
@Configuration(proxyBeanMethods = false)
class AppointmentRemindersConsumer {

    @Bean
    Consumer<Message<String>> appointmentReminders(JsonMapper json, Validator validator, ReminderPlanner planner,
            PatientNotifier notifier) {
        return message -> {
            AppointmentRemindersMessage command = read(json, validator, message.getPayload());
            try (var appointmentId = MDC.putCloseable("appointmentId", command.appointmentId());
                    var type = MDC.putCloseable("messageType", MessageTypes.typeOf(command))) {
                switch (command) {
                    case PlanReminders plan -> planner.plan(plan);
                    case ReminderDue due -> notifier.reminderDue(due);
                    case NotifyPatient notice -> {
                        notifier.notice(notice);
                        if (notice.kind() == NoticeKind.CANCELLED) {
                            planner.forget(notice.appointmentId());
                        }
                    }
                }
            }
        };
    }

    private static AppointmentRemindersMessage read(JsonMapper json, Validator validator, String body) {
        AppointmentRemindersMessage command;
        try {
            command = json.readValue(body, AppointmentRemindersMessage.class);
        }
        catch (JacksonException ex) {
            // Say what is wrong with the body, never what it says.
            throw new UnreadableMessage("Not a message of appointment-reminders: " + ex.getClass().getSimpleName());
        }
        List<FieldViolation> violations = FieldViolations.of(validator, command);
        if (!violations.isEmpty()) {
            throw new UnreadableMessage("Invalid " + MessageTypes.typeOf(command) + ": " + violations);
        }
        return command;
    }

}
