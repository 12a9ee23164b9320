package dev.appointments.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One bookable slot of the grid: where it is on the provider's wall clock and when it is
 * in real time.
 *
 * @param date the provider-local date
 * @param time the provider-local start time
 * @param start the start instant (for a wall-clock time that occurs twice, the earlier
 * one)
 * @param end the instant one slot length later
 */
public record Slot(LocalDate date, LocalTime time, Instant start, Instant end) {
}
