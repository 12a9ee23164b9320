package dev.appointments.request.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.appointments.model.ReasonCode;
import dev.appointments.model.confirmations.AppointmentCancelled;
import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.model.requests.CancelAppointment;
import dev.appointments.rules.Refusal;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.AppointmentStatus;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.command.Attempt;
import dev.appointments.store.command.Command;
import dev.appointments.store.command.CommandHandling;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.provider.Providers;

/**
 * Cancels REQUESTED or CONFIRMED appointments, honouring the provider's cancellation notice; their time in the calendar is
 * released in the same transaction.
 */
final class Cancellation {

    private final Providers providers;
    private final Appointments appointments;
    private final CommandHandling<AppointmentConfirmationsMessage> handling;
    private final Clock clock;

    Cancellation(Providers providers, Appointments appointments,
            CommandHandling<AppointmentConfirmationsMessage> handling, Clock clock) {
        this.providers = providers;
        this.appointments = appointments;
        this.handling = handling;
        this.clock = clock;
    }

    Attempt<AppointmentConfirmationsMessage> cancel(Command command, CancelAppointment request) {
        Optional<Appointment> found = appointments.find(request.appointmentId());
        if (found.isEmpty()) {
            return Attempt.refused(ReasonCode.UNKNOWN_APPOINTMENT,
                    "There is no appointment " + request.appointmentId() + ".", null);
        }
        Appointment current = found.get();
        if (!current.status().canMoveTo(AppointmentStatus.CANCELLED)) {
            return Attempt.refused(ReasonCode.ILLEGAL_TRANSITION,
                    "A %s appointment can't be cancelled.".formatted(current.status()), current.appointmentId());
        }
        Instant now = clock.instant();
        Optional<Refusal> refusal = providers.find(current.providerId())
                .flatMap(provider -> provider.calendar().checkCancellation(current.startsAt(), now));
        if (refusal.isPresent()) {
            return Attempt.refused(refusal.get().reason(), refusal.get().message(), current.appointmentId());
        }
        Appointment cancelled = current.transitionedTo(AppointmentStatus.CANCELLED, now, command.requestId(),
                request.reason());
        List<AppointmentConfirmationsMessage> facts = List.of(cancelled(cancelled, command));
        Outcome accepted = handling.accepted(command, current.appointmentId(), "Cancelled.", now, facts);
        return switch (appointments.update(current, cancelled, accepted)) {
            case WRITTEN -> Attempt.written(accepted, facts);
            case ALREADY_RECORDED -> Attempt.alreadyRecorded();
            // Changed since it was read: read it again and decide again.
            case STALE, SLOT_TAKEN, UNKNOWN_PATIENT, PROVIDER_CHANGED -> Attempt.changed();
        };
    }

    static AppointmentCancelled cancelled(Appointment appointment, Command command) {
        return new AppointmentCancelled(command.requestId(), appointment.appointmentId(), appointment.providerId(),
                appointment.patientId(), appointment.startsAt(), appointment.reason());
    }
}
