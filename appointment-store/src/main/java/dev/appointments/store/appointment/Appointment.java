package dev.appointments.store.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import dev.appointments.rules.TimeWindow;
import dev.appointments.rules.lifecycle.AppointmentStatus;

/**
 * An appointment as stored: who, with whom, when (as instants and as the provider's
 * wall-clock time), its status, its version for conditional updates, the time it keeps in
 * the provider's calendar and its history.
 *
 * @param blockedUntil the end of the time it keeps from other appointments while on the
 * calendar: its end plus the provider's buffer when it was booked or moved
 */
public record Appointment(String appointmentId, String providerId, String patientId, AppointmentStatus status,
        Instant startsAt, Instant endsAt, String timeZone, LocalDate localDate, LocalTime localStartTime, String notes,
        String reason, Instant blockedUntil, long version, List<HistoryEntry> history, Instant createdAt,
        Instant updatedAt) {

    public Appointment {
        blockedUntil = blockedUntil == null ? endsAt : blockedUntil;
        history = List.copyOf(history);
    }

    /**
     * A new booking: REQUESTED at version 1, its first history step caused by
     * {@code cause} (the requestId).
     */
    public static Appointment requested(String appointmentId, String providerId, String patientId, AppointmentTime time,
            String notes, String cause, Instant at) {
        return new Appointment(appointmentId, providerId, patientId, AppointmentStatus.REQUESTED, time.startsAt(),
                time.endsAt(), time.timeZone(), time.localDate(), time.localStartTime(), notes, null,
                time.blockedUntil(), 1, List.of(new HistoryEntry(at, null, AppointmentStatus.REQUESTED, cause, null)),
                at, at);
    }

    /** When this appointment takes place. */
    public AppointmentTime time() {
        return new AppointmentTime(startsAt, endsAt, blockedUntil, timeZone, localDate, localStartTime);
    }

    /**
     * The time this appointment keeps from others while it is on the calendar,
     * {@code [startsAt, blockedUntil)}.
     */
    public TimeWindow blocked() {
        return new TimeWindow(startsAt, blockedUntil);
    }

    /**
     * This appointment moved to {@code target}, one version later, with the step appended
     * to its history.
     */
    public Appointment transitionedTo(AppointmentStatus target, Instant at, String cause, String newReason) {
        List<HistoryEntry> steps = new ArrayList<>(history);
        steps.add(new HistoryEntry(at, status, target, cause, null));
        return new Appointment(appointmentId, providerId, patientId, target, startsAt, endsAt, timeZone, localDate,
                localStartTime, notes, newReason == null ? reason : newReason, blockedUntil, version + 1, steps,
                createdAt, at);
    }

    /**
     * This appointment at a new time, back in REQUESTED, one version later, with the move
     * in its history.
     */
    public Appointment movedTo(AppointmentTime newTime, Instant at, String cause) {
        List<HistoryEntry> steps = new ArrayList<>(history);
        steps.add(new HistoryEntry(at, status, AppointmentStatus.REQUESTED, cause, "moved from " + startsAt));
        return new Appointment(appointmentId, providerId, patientId, AppointmentStatus.REQUESTED, newTime.startsAt(),
                newTime.endsAt(), newTime.timeZone(), newTime.localDate(), newTime.localStartTime(), notes, reason,
                newTime.blockedUntil(), version + 1, steps, createdAt, at);
    }
}
