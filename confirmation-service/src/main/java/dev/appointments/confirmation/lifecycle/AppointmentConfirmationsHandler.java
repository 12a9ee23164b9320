package dev.appointments.confirmation.lifecycle;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import dev.appointments.confirmation.ConfirmationServiceProperties;
import dev.appointments.model.FieldViolation;
import dev.appointments.model.FieldViolations;
import dev.appointments.model.MessageTypes;
import dev.appointments.model.confirmations.AppointmentCancelled;
import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.model.confirmations.AppointmentRequested;
import dev.appointments.model.confirmations.AppointmentRescheduled;
import dev.appointments.model.confirmations.CompleteAppointment;
import dev.appointments.model.confirmations.ConfirmAppointment;
import dev.appointments.model.confirmations.DeclineAppointment;
import dev.appointments.model.confirmations.HoldExpired;
import dev.appointments.model.confirmations.MarkNoShow;
import dev.appointments.model.reminders.NoticeKind;
import dev.appointments.model.reminders.NotifyPatient;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.command.Command;
import dev.appointments.store.command.CommandFingerprint;
import dev.appointments.store.outcome.Outcomes;
import dev.appointments.store.outcome.UnreadableCommand;
import dev.appointments.timers.DurableTimers;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles the messages of the appointment-confirmations queue: producers' commands get a
 * transition or a recorded rejection; the request-service's facts and the hold timers
 * drive auto-confirmation, holds and expiry. Whatever happens, the result names the
 * notices to send to the reminder-service.
 */
@Service
public class AppointmentConfirmationsHandler {

    private final Validator validator;

    private final JsonMapper json;

    private final Outcomes outcomes;

    private final Clock clock;

    private final ProducerCommands commands;

    private final Holds holds;

    AppointmentConfirmationsHandler(Outcomes outcomes, Appointments appointments, DurableTimers timers,
            Validator validator, JsonMapper json, Clock clock, ConfirmationServiceProperties properties) {
        this.validator = validator;
        this.json = json;
        this.outcomes = outcomes;
        this.clock = clock;
        this.commands = new ProducerCommands(outcomes, appointments, json, clock);
        this.holds = new Holds(appointments, timers, new HoldTimers(json, properties.confirmationsQueue()), clock);
    }

    public Handled handle(AppointmentConfirmationsMessage message) {
        List<FieldViolation> violations = FieldViolations.of(validator, message);
        return switch (message) {
            case ConfirmAppointment confirm ->
                command(confirm.requestId(), message, violations, AppointmentStatus.CONFIRMED, null);
            case DeclineAppointment decline ->
                command(decline.requestId(), message, violations, AppointmentStatus.DECLINED, decline.reason());
            case CompleteAppointment complete ->
                command(complete.requestId(), message, violations, AppointmentStatus.COMPLETED, null);
            case MarkNoShow noShow -> command(noShow.requestId(), message, violations, AppointmentStatus.NO_SHOW, null);
            case AppointmentRequested requested -> {
                requireValid(message, violations);
                yield holds.booked(requested.requestId(), requested.appointmentId(), requested.version(),
                        requested.autoConfirm(), requested.confirmationTimeout(), null);
            }
            case AppointmentRescheduled rescheduled -> {
                requireValid(message, violations);
                // Held again: the patient hears of the move. Auto-confirmed: the
                // confirmation tells the new time.
                yield holds.booked(rescheduled.requestId(), rescheduled.appointmentId(), rescheduled.version(),
                        rescheduled.autoConfirm(), rescheduled.confirmationTimeout(), NoticeKind.RESCHEDULED);
            }
            case AppointmentCancelled cancelled -> {
                requireValid(message, violations);
                // The request-service made the transition and freed the slot; the patient
                // is to hear of it.
                yield Handled.of("NOTIFIED", List
                    .of(new NotifyPatient(cancelled.requestId(), cancelled.appointmentId(), NoticeKind.CANCELLED)));
            }
            case HoldExpired expired -> {
                requireValid(message, violations);
                yield holds.expire(expired);
            }
        };
    }

    /**
     * Answers a producer command that could not be read, when a requestId can be read
     * from it: REJECTED, INVALID, naming the dead-letter queue its message goes to.
     * @return whether an outcome stands for its requestId now
     */
    public boolean refuseUnreadable(UnreadableCommand unreadable, String deadLetterQueue) {
        return unreadable.outcome(deadLetterQueue, clock.instant()).map(outcomes::recordOrRefuse).isPresent();
    }

    private Handled command(String requestId, AppointmentConfirmationsMessage message, List<FieldViolation> violations,
            AppointmentStatus target, String reason) {
        if (violations.stream().anyMatch(violation -> violation.field().equals("requestId"))) {
            // Outcomes are keyed by requestId: without a usable one there is nowhere to
            // record the answer.
            throw new UnanswerableMessage(MessageTypes.typeOf(message) + " without a valid requestId");
        }
        Command command = Command.of(requestId, MessageTypes.typeOf(message),
                CommandFingerprint.payload(json, AppointmentConfirmationsMessage.class, message), null);
        return commands.handle(command, violations, message.appointmentId(), target, reason);
    }

    private static void requireValid(AppointmentConfirmationsMessage message, List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            // Facts and timers come from the system itself: an invalid one is a bug for
            // operators to see in the DLQ.
            throw new UnanswerableMessage(MessageTypes.typeOf(message) + " breaks the contract: "
                    + violations.stream().map(FieldViolation::field).collect(Collectors.joining(", ")));
        }
    }

}
