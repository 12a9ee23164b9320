package dev.appointments.query.appointment;

import java.util.List;

import dev.appointments.store.appointment.Appointment;

/**
 * A page of appointments and the opaque cursor of the next page ({@code null} on the last
 * page).
 */
public record Listing(List<Appointment> appointments, String nextCursor) {

    public Listing {
        appointments = List.copyOf(appointments);
    }
}
