package dev.appointments.confirmation.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.appointments.model.FieldViolation;
import dev.appointments.model.ReasonCode;
import dev.appointments.model.reminders.AppointmentRemindersMessage;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.command.Attempt;
import dev.appointments.store.command.Command;
import dev.appointments.store.command.CommandHandling;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The producers' lifecycle commands. Each is a conditional transition on status and
 * version, written with its outcome in one transaction; a command that can't be honoured
 * gets a recorded rejection instead. A command is handled once (see
 * {@link CommandHandling}); a redelivery sends its notices again only while its
 * transition is still the appointment's last step, since a later step's notices supersede
 * them.
 */
final class ProducerCommands {

    private final Appointments appointments;

    private final Clock clock;

    private final CommandHandling<AppointmentRemindersMessage> handling;

    ProducerCommands(Outcomes outcomes, Appointments appointments, JsonMapper json, Clock clock) {
        this.appointments = appointments;
        this.clock = clock;
        this.handling = new CommandHandling<>(outcomes, clock, json, AppointmentRemindersMessage.class,
                this::noticesAgain);
    }

    /**
     * Moves the appointment to {@code target} for {@code command}, unless violations or
     * the lifecycle forbid it.
     */
    Handled handle(Command command, List<FieldViolation> violations, String appointmentId, AppointmentStatus target,
            String reason) {
        return Handled.of(handling.handle(command, violations, appointmentId,
                () -> transition(command, appointmentId, target, reason)));
    }

    private Attempt<AppointmentRemindersMessage> transition(Command command, String appointmentId,
            AppointmentStatus target, String reason) {
        var found = appointments.find(appointmentId);
        if (found.isEmpty()) {
            return Attempt.refused(ReasonCode.UNKNOWN_APPOINTMENT, "There is no appointment " + appointmentId + ".",
                    null);
        }
        Appointment current = found.get();
        if (!current.status().canMoveTo(target)) {
            return Attempt.refused(ReasonCode.ILLEGAL_TRANSITION,
                    "A %s appointment can't become %s.".formatted(current.status(), target), appointmentId);
        }
        Instant now = clock.instant();
        if (target.afterTheStart() && now.isBefore(current.startsAt())) {
            return Attempt.refused(ReasonCode.NOT_STARTED_YET,
                    "The appointment starts at %s; it can ".formatted(current.startsAt()) + "become " + target
                            + " once it has begun.",
                    appointmentId);
        }
        Appointment next = current.transitionedTo(target, now, command.requestId(), reason);
        List<AppointmentRemindersMessage> notices = Notices.after(next, command.requestId());
        Outcome accepted = handling.accepted(command, appointmentId, "Now " + target + ".", now, notices);
        return switch (appointments.update(current, next, accepted)) {
            case WRITTEN -> Attempt.written(accepted, notices);
            case ALREADY_RECORDED -> Attempt.alreadyRecorded();
            // Changed since it was read: read it again and decide again.
            case STALE, SLOT_TAKEN, UNKNOWN_PATIENT, PROVIDER_CHANGED -> Attempt.changed();
        };
    }

    /**
     * The stored notices, while the command's transition is still the appointment's last
     * step.
     */
    private List<AppointmentRemindersMessage> noticesAgain(Outcome earlier, List<AppointmentRemindersMessage> stored) {
        return appointments.find(earlier.appointmentId())
            .filter(appointment -> !Notices.again(appointment, earlier.requestId(), earlier.requestId()).isEmpty())
            .map(appointment -> stored != null ? stored
                    : Notices.again(appointment, earlier.requestId(), earlier.requestId()))
            .orElse(List.of());
    }

}
