package dev.appointments.store.appointment;

import java.time.Instant;

import dev.appointments.rules.lifecycle.AppointmentStatus;

/**
 * One step in an appointment's history.
 *
 * @param at when it happened
 * @param from the status before, {@code null} for the booking itself
 * @param to the status after
 * @param cause the requestId of the command that caused it, or the name of the timer
 * @param note what else changed, such as the previous start of a moved appointment
 */
public record HistoryEntry(Instant at, AppointmentStatus from, AppointmentStatus to, String cause, String note) {
}
