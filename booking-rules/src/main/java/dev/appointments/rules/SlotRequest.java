package dev.appointments.rules;

import java.time.Instant;

/**
 * A slot that the provider's rules allow: what to write, and the time it keeps from other
 * appointments.
 *
 * @param start the appointment's start instant
 * @param end the appointment's end instant (start plus duration, without the buffer)
 * @param blockedUntil the end of the time the appointment keeps: its end plus the buffer.
 * Store it with the appointment and compare with exactly that: the buffer may change
 * before the appointment leaves the calendar.
 */
public record SlotRequest(Instant start, Instant end, Instant blockedUntil) implements BookingDecision {

    /** The time this appointment keeps from others, {@code [start, blockedUntil)}. */
    public TimeWindow blocked() {
        return new TimeWindow(start, blockedUntil);
    }

}
