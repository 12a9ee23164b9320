package dev.appointments.store.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import dev.appointments.rules.TimeWindow;

/**
 * An appointment as stored: who, with whom, when (as instants and as the provider's wall-clock time), its status,
 * its version for conditional updates, the time it keeps in the provider's calendar and its history.
 *
 * @param blockedUntil the end of the time it keeps from other appointments while on the calendar: its end plus the
 *        provider's buffer when it was booked or moved
 */
public record Appointment(String appointmentId, String providerId, String patientId, AppointmentStatus status,
        Instant startsAt, Instant endsAt, String timeZone, LocalDate localDate, LocalTime localStartTime,
        String notes, String reason, Instant blockedUntil, long version, List<HistoryEntry> history,
        Instant createdAt, Instant updatedAt) {

    public Appointment {
        blockedUntil = blockedUntil == null ? endsAt : blockedUntil;
        history = List.copyOf(history);
    }

    /** The time this appointment keeps from others while it is on the calendar, {@code [startsAt, blockedUntil)}. */
    public TimeWindow blocked() {
        return new TimeWindow(startsAt, blockedUntil);
    }

    /** This appointment moved to {@code target}, one version later, with the step appended to its history. */
    public Appointment transitionedTo(AppointmentStatus target, Instant at, String cause, String newReason) {
        List<HistoryEntry> steps = new ArrayList<>(history);
        steps.add(new HistoryEntry(at, status, target, cause, null));
        return new Appointment(appointmentId, providerId, patientId, target, startsAt, endsAt, timeZone, localDate,
                localStartTime, notes, newReason == null ? reason : newReason,
                blockedUntil, version + 1, steps, createdAt, at);
    }

    /** This appointment at a new time, back in REQUESTED, one version later, with the move in its history. */
    public Appointment movedTo(Instant newStart, Instant newEnd, LocalDate newDate, LocalTime newTime,
            Instant newBlockedUntil, Instant at, String cause) {
        List<HistoryEntry> steps = new ArrayList<>(history);
        steps.add(new HistoryEntry(at, status, AppointmentStatus.REQUESTED, cause, "moved from " + startsAt));
        return new Appointment(appointmentId, providerId, patientId, AppointmentStatus.REQUESTED, newStart, newEnd,
                timeZone, newDate, newTime, notes, reason, newBlockedUntil, version + 1, steps, createdAt, at);
    }
}
