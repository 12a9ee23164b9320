package dev.appointments.query.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import dev.appointments.query.web.BadParameter;

/**
 * Reads the {@code from} and {@code to} of a list: an instant
 * ({@code 2027-03-01T09:00:00Z}), a date-time with an offset
 * ({@code 2027-03-01T09:00:00-05:00}) or a UTC date ({@code 2027-03-01}). A date as
 * {@code from} means the start of that day; as {@code to} the end of it, so
 * {@code from=2027-03-01&to=2027-03-01} is that whole day.
 */
final class TimeParameters {

    private TimeParameters() {
    }

    static Instant from(String text) {
        return parse("from", text, false);
    }

    static Instant to(String text) {
        return parse("to", text, true);
    }

    private static Instant parse(String name, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException ex) {
            throw new BadParameter(name,
                    ("Parameter '%s' must be an instant (2027-03-01T09:00:00Z), a date-time "
                            + "with offset (2027-03-01T09:00:00-05:00) or a date (2027-03-01), not '%s'.")
                        .formatted(name, text));
        }
    }

}
