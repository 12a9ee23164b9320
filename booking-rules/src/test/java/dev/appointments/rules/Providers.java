package dev.appointments.rules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Rules and instants the tests share: the demo provider's week in New York, seen from a
 * fixed clock.
 */
final class Providers {

    static final String NEW_YORK = "America/New_York";

    /**
     * Sunday 2026-03-01, 10:00 in New York (EST): a week before clocks spring forward.
     */
    static final Instant NOW = Instant.parse("2026-03-01T15:00:00Z");

    /**
     * Tuesday 2026-10-20, 08:00 in New York (EDT): twelve days before clocks fall back.
     */
    static final Instant AUTUMN_NOW = Instant.parse("2026-10-20T12:00:00Z");

    private Providers() {
    }

    /**
     * The demo provider: Monday to Friday 09:00-17:00 in New York, everything else at its
     * default.
     */
    static ProviderRules weekdays() {
        return ProviderRules.withDefaults("Demo", NEW_YORK,
                ProviderRules.mondayToFriday(TimeRange.of("09:00", "17:00")));
    }

    /** Weekdays plus Sunday hours, to book on the Sundays the clocks change. */
    static ProviderRules withSunday(TimeRange... sundayHours) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(weekdays().weeklyHours());
        hours.put(DayOfWeek.SUNDAY, List.of(sundayHours));
        return ProviderRules.withDefaults("Demo", NEW_YORK, hours);
    }

    static BookingCalendar calendar(ProviderRules rules) {
        return BookingCalendar.of(rules);
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    static LocalTime time(String text) {
        return LocalTime.parse(text);
    }

    static Instant instant(String text) {
        return Instant.parse(text);
    }

}
