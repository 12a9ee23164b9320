package dev.appointments.query.appointment;

import java.time.Instant;

import dev.appointments.store.appointment.AppointmentIndex;

/**
 * Which appointments a listing is for: those in {@code index} under {@code key} whose
 * start is in {@code [from, to)}; either bound may be null.
 */
public record AppointmentFilter(AppointmentIndex index, String key, Instant from, Instant to) {

    boolean emptyRange() {
        return from != null && to != null && !from.isBefore(to);
    }
}
