package dev.appointments.confirmation.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.appointments.model.confirmations.HoldExpired;
import dev.appointments.model.reminders.NoticeKind;
import dev.appointments.model.reminders.NotifyPatient;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.command.ConcurrentChanges;
import dev.appointments.timers.DurableTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a booking or a move: confirmation at once when the provider auto-confirms,
 * otherwise a hold with a durable timer; and the hold's expiry when its timer fires while
 * the appointment still waits at the same version. These transitions have no outcome of
 * their own (the requestId's outcome is the request-service's), so the condition on
 * status and version alone makes them happen once.
 */
final class Holds {

    private static final Logger log = LoggerFactory.getLogger(Holds.class);

    private final Appointments appointments;

    private final DurableTimers timers;

    private final HoldTimers holdTimers;

    private final Clock clock;

    Holds(Appointments appointments, DurableTimers timers, HoldTimers holdTimers, Clock clock) {
        this.appointments = appointments;
        this.timers = timers;
        this.holdTimers = holdTimers;
        this.clock = clock;
    }

    /**
     * The appointment was booked or moved by {@code cause} and waits in REQUESTED at
     * {@code version}.
     * @param heldNotice what to tell the patient when the appointment is held,
     * {@code null} for nothing
     */
    Handled booked(String cause, String appointmentId, long version, boolean autoConfirm, Duration timeout,
            NoticeKind heldNotice) {
        if (autoConfirm) {
            // One conditional write: only an appointment still REQUESTED at the fact's
            // version is confirmed.
            Optional<Appointment> confirmed = appointments.transition(appointmentId, AppointmentStatus.REQUESTED,
                    version, AppointmentStatus.CONFIRMED, clock.instant(), cause);
            if (confirmed.isPresent()) {
                return Handled.of("CONFIRMED", Notices.after(confirmed.get(), cause));
            }
        }
        Optional<Appointment> found = appointments.find(appointmentId);
        if (found.isEmpty()) {
            // The request-service writes before it publishes, and appointments are never
            // deleted.
            log.warn("A booking fact names appointment {}, which does not exist", appointmentId);
            return Handled.of("UNKNOWN_APPOINTMENT", List.of());
        }
        Appointment current = found.get();
        if (current.status() != AppointmentStatus.REQUESTED || current.version() != version) {
            // Handled before (send its notices again), or overtaken by a later step.
            var again = Notices.again(current, cause, cause);
            return Handled.of(again.isEmpty() ? "STALE" : "REPEATED", again);
        }
        if (autoConfirm) {
            // Still REQUESTED at that version although the conditional write found it
            // otherwise: changed twice.
            throw new IllegalStateException("Appointment " + appointmentId + " kept changing; the fact is retried");
        }
        timers.schedule(holdTimers.timerFor(current, timeout));
        return Handled.of("HELD",
                heldNotice == null ? List.of() : List.of(new NotifyPatient(cause, appointmentId, heldNotice)));
    }

    /**
     * The hold's timer fired: expire the appointment if it still waits at the version the
     * hold began with.
     */
    Handled expire(HoldExpired expired) {
        String timerId = HoldTimers.timerId(expired.appointmentId(), expired.version());
        String cause = HoldTimers.cause(timerId);
        return ConcurrentChanges.retry(() -> {
            Optional<Appointment> found = appointments.find(expired.appointmentId());
            if (found.isEmpty()) {
                log.warn("Hold timer {} names an appointment that does not exist", timerId);
                return Optional.of(Handled.of("UNKNOWN_APPOINTMENT", List.of()));
            }
            Appointment current = found.get();
            if (current.status() != AppointmentStatus.REQUESTED || current.version() != expired.version()) {
                // Confirmed, declined, cancelled or moved meanwhile: the hold is over. Or
                // expired by this timer
                // before, and then its notice is sent again.
                var again = Notices.again(current, cause, timerId);
                return Optional.of(Handled.of(again.isEmpty() ? "STALE" : "REPEATED", again));
            }
            Appointment expiredAppointment = current.transitionedTo(AppointmentStatus.EXPIRED, clock.instant(), cause,
                    null);
            return switch (appointments.update(current, expiredAppointment, null)) {
                case WRITTEN -> Optional.of(Handled.of("EXPIRED", Notices.after(expiredAppointment, timerId)));
                // Changed since it was read: read it again and decide again.
                case STALE, SLOT_TAKEN, ALREADY_RECORDED, UNKNOWN_PATIENT, PROVIDER_CHANGED -> Optional.empty();
            };
        })
            .orElseThrow(() -> new IllegalStateException(
                    "Appointment " + expired.appointmentId() + " kept changing; the timer is retried"));
    }

}
