package dev.appointments.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The time an appointment keeps from every other: {@code [start, end + buffer)}, the
 * buffer rounded up to whole slots. Two appointments collide exactly when their blocked
 * times overlap: they overlap, or one starts less than a buffer after the other ends. A
 * blocked time is a range of instants, tied to no grid, so an appointment keeps the time
 * it was booked with when the slot length, the buffer or the hours change later.
 */
final class BlockedTime {

    private final SlotGrid grid;

    private final Duration buffer;

    BlockedTime(SlotGrid grid, int bufferMinutes) {
        this.grid = grid;
        long slotMinutes = grid.slotLength().toMinutes();
        this.buffer = Duration.ofMinutes(Math.ceilDiv(bufferMinutes, slotMinutes) * slotMinutes);
    }

    /** The buffer as bookings keep it: rounded up to whole slots. */
    Duration buffer() {
        return buffer;
    }

    TimeWindow of(Instant start, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("an appointment lasts longer than zero, not " + duration);
        }
        return new TimeWindow(start, start.plus(duration).plus(buffer));
    }

    /**
     * The instants whose busy times the free slots of a date depend on: from the first
     * slot to the last's buffer.
     */
    TimeWindow window(LocalDate date) {
        List<Slot> slots = grid.slots(date);
        if (slots.isEmpty()) {
            Instant midnight = date.atStartOfDay(grid.zone()).toInstant();
            return new TimeWindow(midnight, midnight);
        }
        return new TimeWindow(slots.getFirst().start(), slots.getLast().end().plus(buffer));
    }

}
