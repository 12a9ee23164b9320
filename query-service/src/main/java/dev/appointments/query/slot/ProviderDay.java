package dev.appointments.query.slot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import dev.appointments.rules.BookingCalendar;

/**
 * What the free slots of one provider on one date are computed from: the provider's calendar and the slot locks
 * held in the date's lock window, as read at one moment.
 */
record ProviderDay(String providerId, LocalDate date, BookingCalendar calendar, Set<Instant> lockedSlots) {

    ProviderDay {
        lockedSlots = Set.copyOf(lockedSlots);
    }
}
