package dev.appointments.rules;

import java.time.Instant;

/**
 * A range of instants, {@code [from, to)}.
 *
 * @param from the first instant inside
 * @param to the first instant after
 */
public record TimeWindow(Instant from, Instant to) {

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    /**
     * Whether some instant lies in both ranges; ranges that only touch do not overlap.
     */
    public boolean overlaps(TimeWindow other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }

}
