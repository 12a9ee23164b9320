package dev.appointments.query.slot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.appointments.rules.Slot;

/**
 * The free slots of a provider's date.
 *
 * @param timeZone the provider's IANA time zone, which {@code date} and each
 * {@code startTime} are in
 * @param slotMinutes the length of one slot
 * @param slots the free slots in order
 */
record SlotsView(String providerId, LocalDate date, String timeZone, int slotMinutes, List<FreeSlot> slots) {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    static SlotsView of(ProviderDay day, List<Slot> free) {
        return new SlotsView(day.providerId(), day.date(), day.calendar().zone().getId(),
                day.calendar().rules().slotMinutes(), free.stream().map(FreeSlot::of).toList());
    }

    /**
     * One free slot.
     *
     * @param startTime the provider-local start, {@code HH:MM}: what a booking command
     * names as {@code startTime}
     * @param start the start as a UTC instant
     * @param end the end of the slot as a UTC instant
     */
    record FreeSlot(String startTime, Instant start, Instant end) {

        static FreeSlot of(Slot slot) {
            return new FreeSlot(HOURS_MINUTES.format(slot.time()), slot.start(), slot.end());
        }
    }
}
