package dev.appointments.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Which slot locks an appointment takes. An appointment locks every grid instant in {@code [start, end + buffer)},
 * the buffer rounded up to whole slots. Two appointments then share a lock exactly when one starts less than a buffer
 * after the other ends (or they overlap): the later one's start is a grid instant inside the earlier one's range.
 */
final class SlotLocks {

    private final SlotGrid grid;

    private final Duration buffer;

    SlotLocks(SlotGrid grid, int bufferMinutes) {
        this.grid = grid;
        long slotMinutes = grid.slotLength().toMinutes();
        this.buffer = Duration.ofMinutes(Math.ceilDiv(bufferMinutes, slotMinutes) * slotMinutes);
    }

    /** The buffer as the locks enforce it: rounded up to whole slots. */
    Duration buffer() {
        return buffer;
    }

    List<Instant> lockedSlots(Instant start, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("an appointment lasts longer than zero, not " + duration);
        }
        List<Instant> locks = grid.instantsBetween(start, start.plus(duration).plus(buffer));
        if (!locks.getFirst().equals(start)) {
            // A start off the grid would not be the lock of its own first slot, and overlaps would go unseen.
            throw new IllegalArgumentException(start + " is not a slot start of the grid in " + grid.zone());
        }
        return locks;
    }

    /** The instants among which the free slots of a date look for locks: from the first slot to the last's buffer. */
    TimeWindow lockWindow(LocalDate date) {
        List<Slot> slots = grid.slots(date);
        if (slots.isEmpty()) {
            Instant midnight = date.atStartOfDay(grid.zone()).toInstant();
            return new TimeWindow(midnight, midnight);
        }
        return new TimeWindow(slots.getFirst().start(), slots.getLast().end().plus(buffer));
    }

}
