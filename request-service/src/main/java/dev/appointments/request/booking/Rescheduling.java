package dev.appointments.request.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.appointments.model.ReasonCode;
import dev.appointments.model.confirmations.AppointmentRescheduled;
import dev.appointments.model.requests.RescheduleAppointment;
import dev.appointments.rules.BookingCalendar;
import dev.appointments.rules.Refusal;
import dev.appointments.rules.SlotRequest;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.provider.Provider;
import dev.appointments.store.provider.Providers;

/**
 * Moves appointments: the new time is taken and the old one freed in the provider's calendar in the same
 * transaction as the appointment's change, or nothing changes. The appointment keeps its id and returns to REQUESTED.
 */
final class Rescheduling {

    private static final int ATTEMPTS = 3;

    private final Providers providers;
    private final Appointments appointments;
    private final Rejections rejections;
    private final Clock clock;

    Rescheduling(Providers providers, Appointments appointments, Rejections rejections, Clock clock) {
        this.providers = providers;
        this.appointments = appointments;
        this.rejections = rejections;
        this.clock = clock;
    }

    Optional<Handled> move(Command command, RescheduleAppointment request) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Appointment> found = appointments.find(request.appointmentId());
            if (found.isEmpty()) {
                return Optional.of(rejections.reject(command, ReasonCode.UNKNOWN_APPOINTMENT,
                        "There is no appointment " + request.appointmentId() + ".", null));
            }
            Appointment current = found.get();
            if (!current.status().onCalendar()) {
                return Optional.of(rejections.reject(command, ReasonCode.ILLEGAL_TRANSITION,
                        "A %s appointment can't be moved.".formatted(current.status()), current.appointmentId()));
            }
            Provider provider = providers.find(current.providerId()).orElseThrow(
                    () -> new IllegalStateException("The provider of appointment " + current.appointmentId() + " is gone"));
            BookingCalendar calendar = provider.calendar();
            Instant now = clock.instant();
            // A move gives up the appointment's time as a cancellation does, so it is bound by the same rules.
            Optional<Refusal> leaving = calendar.checkCancellation(current.startsAt(), now);
            if (leaving.isPresent()) {
                return Optional.of(rejections.reject(command, leaving.get().reason(), leaving.get().message(),
                        current.appointmentId()));
            }
            int minutes = request.durationMinutes() != null ? request.durationMinutes()
                    : (int) Duration.between(current.startsAt(), current.endsAt()).toMinutes();
            SlotRequest slot;
            switch (calendar.check(request.appointmentDate(), request.startTime(), minutes, now)) {
                case Refusal refusal -> {
                    return Optional.of(rejections.reject(command, refusal.reason(), refusal.message(),
                            current.appointmentId()));
                }
                case SlotRequest allowed -> slot = allowed;
            }
            Appointment moved = current.movedTo(slot.start(), slot.end(), request.appointmentDate(),
                    request.startTime(), slot.blockedUntil(), now, command.requestId());
            Outcome accepted = Outcome.accepted(command.requestId(), command.type(), command.fingerprint(),
                    current.appointmentId(), "Moved; waiting for confirmation.", now);
            switch (appointments.update(current, moved, accepted)) {
                case WRITTEN -> {
                    return Optional.of(Handled.of(accepted, List.of(rescheduled(current.startsAt(), moved, provider, command))));
                }
                case SLOT_TAKEN -> {
                    return Optional.of(rejections.reject(command, ReasonCode.SLOT_UNAVAILABLE,
                            "The slot is taken: %s %s.".formatted(request.appointmentDate(), request.startTime()),
                            current.appointmentId()));
                }
                case ALREADY_RECORDED -> {
                    return Optional.empty();
                }
                case STALE -> {
                    // Changed since it was read: read it again and decide again.
                }
            }
        }
        return Optional.of(rejections.reject(command, ReasonCode.CHANGED_CONCURRENTLY,
                "The appointment kept changing while it was being moved; send the command again with a new requestId.",
                request.appointmentId()));
    }

    static AppointmentRescheduled rescheduled(Instant previousStart, Appointment moved, Provider provider,
            Command command) {
        return new AppointmentRescheduled(command.requestId(), moved.appointmentId(), moved.providerId(),
                moved.patientId(), previousStart, moved.startsAt(), moved.endsAt(), provider.rules().autoConfirm(),
                provider.rules().confirmationTimeout(), moved.version());
    }
}
