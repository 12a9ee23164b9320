package dev.appointments.request.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.appointments.model.ReasonCode;
import dev.appointments.model.confirmations.AppointmentCancelled;
import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.model.confirmations.AppointmentRescheduled;
import dev.appointments.model.requests.CancelAppointment;
import dev.appointments.model.requests.RescheduleAppointment;
import dev.appointments.rules.BookingCalendar;
import dev.appointments.rules.Refusal;
import dev.appointments.rules.SlotRequest;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.AppointmentTime;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.command.Attempt;
import dev.appointments.store.command.Command;
import dev.appointments.store.command.CommandHandling;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.provider.Provider;
import dev.appointments.store.provider.Providers;

/**
 * Changes of a booked appointment. A move takes the new time and frees the old one in the
 * provider's calendar in the same transaction as the appointment's change, or nothing
 * changes; the appointment keeps its id and returns to REQUESTED. A cancellation of a
 * REQUESTED or CONFIRMED appointment honours the provider's cancellation notice and
 * releases its time in the same transaction. Each fact is stored with the outcome, the
 * previous start included.
 */
final class AppointmentChanges {

    private final Providers providers;

    private final Appointments appointments;

    private final CommandHandling<AppointmentConfirmationsMessage> handling;

    private final Clock clock;

    AppointmentChanges(Providers providers, Appointments appointments,
            CommandHandling<AppointmentConfirmationsMessage> handling, Clock clock) {
        this.providers = providers;
        this.appointments = appointments;
        this.handling = handling;
        this.clock = clock;
    }

    Attempt<AppointmentConfirmationsMessage> move(Command command, RescheduleAppointment request) {
        Optional<Appointment> found = appointments.find(request.appointmentId());
        if (found.isEmpty()) {
            return unknown(request.appointmentId());
        }
        Appointment current = found.get();
        if (!current.status().onCalendar()) {
            return Attempt.refused(ReasonCode.ILLEGAL_TRANSITION,
                    "A %s appointment can't be moved.".formatted(current.status()), current.appointmentId());
        }
        Provider provider = providers.find(current.providerId())
            .orElseThrow(() -> new IllegalStateException(
                    "The provider of appointment " + current.appointmentId() + " is gone"));
        BookingCalendar calendar = provider.calendar();
        Instant now = clock.instant();
        // A move gives up the appointment's time as a cancellation does, so it is bound
        // by the same rules.
        Optional<Refusal> leaving = calendar.checkCancellation(current.startsAt(), now);
        if (leaving.isPresent()) {
            return Attempt.refused(leaving.get().reason(), leaving.get().message(), current.appointmentId());
        }
        int minutes = request.durationMinutes() != null ? request.durationMinutes()
                : (int) Duration.between(current.startsAt(), current.endsAt()).toMinutes();
        SlotRequest slot;
        switch (calendar.check(request.appointmentDate(), request.startTime(), minutes, now)) {
            case Refusal refusal -> {
                return Attempt.refused(refusal.reason(), refusal.message(), current.appointmentId());
            }
            case SlotRequest allowed -> slot = allowed;
        }
        Appointment moved = current.movedTo(
                AppointmentTime.of(slot, current.timeZone(), request.appointmentDate(), request.startTime()), now,
                command.requestId());
        List<AppointmentConfirmationsMessage> facts = List
            .of(rescheduled(current.startsAt(), moved, provider, command));
        Outcome accepted = handling.accepted(command, current.appointmentId(), "Moved; waiting for confirmation.", now,
                facts);
        return switch (appointments.update(current, moved, accepted)) {
            case WRITTEN -> Attempt.written(accepted, facts);
            case SLOT_TAKEN -> Attempt.refused(ReasonCode.SLOT_UNAVAILABLE,
                    "The slot is taken: %s %s.".formatted(request.appointmentDate(), request.startTime()),
                    current.appointmentId());
            case ALREADY_RECORDED -> Attempt.alreadyRecorded();
            // Changed since it was read: read it again and decide again.
            case STALE, UNKNOWN_PATIENT, PROVIDER_CHANGED -> Attempt.changed();
        };
    }

    Attempt<AppointmentConfirmationsMessage> cancel(Command command, CancelAppointment request) {
        Optional<Appointment> found = appointments.find(request.appointmentId());
        if (found.isEmpty()) {
            return unknown(request.appointmentId());
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

    static AppointmentRescheduled rescheduled(Instant previousStart, Appointment moved, Provider provider,
            Command command) {
        return new AppointmentRescheduled(command.requestId(), moved.appointmentId(), moved.providerId(),
                moved.patientId(), previousStart, moved.startsAt(), moved.endsAt(), provider.rules().autoConfirm(),
                provider.rules().confirmationTimeout(), moved.version());
    }

    static AppointmentCancelled cancelled(Appointment appointment, Command command) {
        return new AppointmentCancelled(command.requestId(), appointment.appointmentId(), appointment.providerId(),
                appointment.patientId(), appointment.startsAt(), appointment.reason());
    }

    private static Attempt<AppointmentConfirmationsMessage> unknown(String appointmentId) {
        return Attempt.refused(ReasonCode.UNKNOWN_APPOINTMENT, "There is no appointment " + appointmentId + ".", null);
    }

}
