package dev.appointments.store.appointment;

import java.time.Instant;
import java.util.Map;

/**
 * One page of a list of appointments: those in {@code index} under {@code key} that start
 * in {@code [from, to)}.
 *
 * @param index the index to read
 * @param key the patient id, provider id or status name
 * @param from the earliest start, inclusive; {@code null} for no lower bound
 * @param to the latest start, exclusive; {@code null} for no upper bound
 * @param limit the most appointments on the page, at least one
 * @param startKey where the previous page ended ({@link AppointmentPage#nextKey()});
 * empty for the first page
 */
public record AppointmentRange(AppointmentIndex index, String key, Instant from, Instant to, int limit,
        Map<String, String> startKey) {

    public AppointmentRange {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one appointment, not " + limit);
        }
        startKey = startKey == null ? Map.of() : Map.copyOf(startKey);
    }
}
