package dev.appointments.confirmation.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.appointments.model.FieldViolation;
import dev.appointments.model.ReasonCode;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.AppointmentStatus;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.OutcomeStatus;
import dev.appointments.store.outcome.Outcomes;

/**
 * The producers' lifecycle commands. Each is a conditional transition on status and version, written with its
 * outcome in one transaction; a command that can't be honoured gets a recorded rejection instead. A command whose
 * requestId has an outcome already is not run again; if it is another command, it is refused and listed with that
 * outcome.
 */
final class ProducerCommands {

    private static final int ATTEMPTS = 3;

    private final Outcomes outcomes;
    private final Appointments appointments;
    private final Clock clock;

    ProducerCommands(Outcomes outcomes, Appointments appointments, Clock clock) {
        this.outcomes = outcomes;
        this.appointments = appointments;
        this.clock = clock;
    }

    /** Moves the appointment to {@code target} for {@code command}, unless violations or the lifecycle forbid it. */
    Handled handle(Command command, List<FieldViolation> violations, String appointmentId, AppointmentStatus target,
            String reason) {
        Optional<Outcome> earlier = outcomes.find(command.requestId());
        if (earlier.isPresent()) {
            return answerAgain(earlier.get(), command);
        }
        if (!violations.isEmpty()) {
            return reject(command, ReasonCode.INVALID, violations.stream()
                    .map(violation -> violation.field() + ": " + violation.message())
                    .collect(Collectors.joining("; ")), null);
        }
        // Empty when a concurrent delivery of the same command recorded its outcome first.
        return transition(command, appointmentId, target, reason).orElseGet(() -> answerAgain(
                outcomes.find(command.requestId()).orElseThrow(() -> new IllegalStateException(
                        "No outcome for " + command.requestId() + " after a conflict")), command));
    }

    private Optional<Handled> transition(Command command, String appointmentId, AppointmentStatus target,
            String reason) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Appointment> found = appointments.find(appointmentId);
            if (found.isEmpty()) {
                return Optional.of(reject(command, ReasonCode.UNKNOWN_APPOINTMENT,
                        "There is no appointment " + appointmentId + ".", null));
            }
            Appointment current = found.get();
            if (!current.status().canMoveTo(target)) {
                return Optional.of(reject(command, ReasonCode.ILLEGAL_TRANSITION,
                        "A %s appointment can't become %s.".formatted(current.status(), target), appointmentId));
            }
            Instant now = clock.instant();
            if (target.afterTheStart() && now.isBefore(current.startsAt())) {
                return Optional.of(reject(command, ReasonCode.NOT_STARTED_YET, "The appointment starts at %s; it can "
                        .formatted(current.startsAt()) + "become " + target + " once it has begun.", appointmentId));
            }
            Appointment next = current.transitionedTo(target, now, command.requestId(), reason);
            Outcome accepted = Outcome.accepted(command.requestId(), command.type(), command.fingerprint(),
                    appointmentId, "Now " + target + ".", now);
            switch (appointments.update(current, next, accepted)) {
                case WRITTEN -> {
                    return Optional.of(Handled.of(accepted, Notices.after(next, command.requestId())));
                }
                case ALREADY_RECORDED -> {
                    return Optional.empty();
                }
                case STALE, SLOT_TAKEN -> {
                    // Changed since it was read: read it again and decide again.
                }
            }
        }
        return Optional.of(reject(command, ReasonCode.CHANGED_CONCURRENTLY,
                "The appointment kept changing while the command ran; send it again with a new requestId.",
                appointmentId));
    }

    private Handled answerAgain(Outcome earlier, Command command) {
        if (!earlier.sameCommand(command.fingerprint())) {
            return Handled.duplicate(earlier, outcomes.recordLater(command.requestId(),
                    earlier.refusal(command.type(), command.fingerprint(), clock.instant())));
        }
        if (earlier.status() != OutcomeStatus.ACCEPTED || earlier.appointmentId() == null) {
            return Handled.of(earlier, List.of());
        }
        return Handled.of(earlier, appointments.find(earlier.appointmentId())
                .map(appointment -> Notices.again(appointment, command.requestId(), command.requestId()))
                .orElse(List.of()));
    }

    private Handled reject(Command command, ReasonCode reason, String message, String appointmentId) {
        Outcome standing = outcomes.record(Outcome.rejected(command.requestId(), command.type(),
                command.fingerprint(), reason, message, appointmentId, clock.instant()));
        // Another command under the same requestId may have been answered in the meantime.
        return standing.sameCommand(command.fingerprint()) ? Handled.of(standing, List.of())
                : answerAgain(standing, command);
    }
}
