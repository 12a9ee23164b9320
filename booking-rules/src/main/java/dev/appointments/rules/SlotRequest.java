package dev.appointments.rules;

import java.time.Instant;
import java.util.List;

/**
 * A slot that the provider's rules allow: what to write, and which slot locks to take in the same transaction.
 *
 * @param start the appointment's start instant
 * @param end the appointment's end instant (start plus duration, without the buffer)
 * @param lockedSlots the grid instants in {@code [start, end + buffer)}, in order; one lock item each, written with
 *        {@code attribute_not_exists}. Store them with the appointment and release exactly these: the buffer may
 *        change before the appointment leaves the calendar.
 */
public record SlotRequest(Instant start, Instant end, List<Instant> lockedSlots) implements BookingDecision {

    public SlotRequest {
        lockedSlots = List.copyOf(lockedSlots);
    }

}
