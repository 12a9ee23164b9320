package dev.appointments.request.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.appointments.model.ReasonCode;
import dev.appointments.model.confirmations.AppointmentCancelled;
import dev.appointments.model.requests.CancelAppointment;
import dev.appointments.rules.Refusal;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.AppointmentStatus;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.provider.Providers;

/**
 * Cancels REQUESTED or CONFIRMED appointments, honouring the provider's cancellation notice; their time in the calendar is
 * released in the same transaction.
 */
final class Cancellation {

    private static final int ATTEMPTS = 3;

    private final Providers providers;
    private final Appointments appointments;
    private final Rejections rejections;
    private final Clock clock;

    Cancellation(Providers providers, Appointments appointments, Rejections rejections, Clock clock) {
        this.providers = providers;
        this.appointments = appointments;
        this.rejections = rejections;
        this.clock = clock;
    }

    Optional<Handled> cancel(Command command, CancelAppointment request) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Appointment> found = appointments.find(request.appointmentId());
            if (found.isEmpty()) {
                return Optional.of(rejections.reject(command, ReasonCode.UNKNOWN_APPOINTMENT,
                        "There is no appointment " + request.appointmentId() + ".", null));
            }
            Appointment current = found.get();
            if (!current.status().canMoveTo(AppointmentStatus.CANCELLED)) {
                return Optional.of(rejections.reject(command, ReasonCode.ILLEGAL_TRANSITION,
                        "A %s appointment can't be cancelled.".formatted(current.status()), current.appointmentId()));
            }
            Instant now = clock.instant();
            Optional<Refusal> refusal = providers.find(current.providerId())
                    .flatMap(provider -> provider.calendar().checkCancellation(current.startsAt(), now));
            if (refusal.isPresent()) {
                return Optional.of(rejections.reject(command, refusal.get().reason(), refusal.get().message(),
                        current.appointmentId()));
            }
            Appointment cancelled = current.transitionedTo(AppointmentStatus.CANCELLED, now, command.requestId(),
                    request.reason());
            Outcome accepted = Outcome.accepted(command.requestId(), command.type(), command.fingerprint(),
                    current.appointmentId(), "Cancelled.", now);
            switch (appointments.update(current, cancelled, accepted)) {
                case WRITTEN -> {
                    return Optional.of(Handled.of(accepted, List.of(cancelled(cancelled, command))));
                }
                case ALREADY_RECORDED -> {
                    return Optional.empty();
                }
                case STALE, SLOT_TAKEN -> {
                    // Changed since it was read: read it again and decide again.
                }
            }
        }
        return Optional.of(rejections.reject(command, ReasonCode.CHANGED_CONCURRENTLY,
                "The appointment kept changing while it was being cancelled; send the command again with a new requestId.",
                request.appointmentId()));
    }

    static AppointmentCancelled cancelled(Appointment appointment, Command command) {
        return new AppointmentCancelled(command.requestId(), appointment.appointmentId(), appointment.providerId(),
                appointment.patientId(), appointment.startsAt(), appointment.reason());
    }
}
