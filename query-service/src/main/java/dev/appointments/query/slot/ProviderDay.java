package dev.appointments.query.slot;

import java.time.LocalDate;
import java.util.List;

import dev.appointments.rules.BookingCalendar;
import dev.appointments.rules.TimeWindow;

/**
 * What the free slots of one provider on one date are computed from: the provider's
 * calendar and the times its appointments keep in the date's busy window, as read at one
 * moment.
 */
record ProviderDay(String providerId, LocalDate date, BookingCalendar calendar, List<TimeWindow> busy) {

    ProviderDay {
        busy = List.copyOf(busy);
    }
}
