package dev.appointments.store.provider;

import java.time.Instant;

import dev.appointments.rules.BookingCalendar;
import dev.appointments.rules.ProviderRules;

/**
 * A provider: its id, its booking rules, and when the rules last changed.
 */
public record Provider(String providerId, ProviderRules rules, long version, Instant updatedAt) {

    /** The calendar these rules make. */
    public BookingCalendar calendar() {
        return BookingCalendar.of(rules);
    }
}
