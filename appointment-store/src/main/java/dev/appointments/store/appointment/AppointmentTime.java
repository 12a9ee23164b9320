package dev.appointments.store.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import dev.appointments.rules.SlotRequest;

/**
 * When an appointment takes place: as instants, as the provider's wall-clock date and
 * start in its time zone, and the time it keeps from other appointments (its end plus the
 * buffer it was booked or moved with).
 */
public record AppointmentTime(Instant startsAt, Instant endsAt, Instant blockedUntil, String timeZone,
        LocalDate localDate, LocalTime localStartTime) {

    /**
     * The time of a slot the provider's rules allowed, on {@code date} at {@code start}
     * in {@code timeZone}.
     */
    public static AppointmentTime of(SlotRequest slot, String timeZone, LocalDate date, LocalTime start) {
        return new AppointmentTime(slot.start(), slot.end(), slot.blockedUntil(), timeZone, date, start);
    }
}
