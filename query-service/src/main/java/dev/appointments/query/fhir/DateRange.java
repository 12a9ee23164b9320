package dev.appointments.query.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.appointments.query.web.BadParameter;

/**
 * The start range that FHIR {@code date} search parameters ask for, {@code [from, to)}
 * with either bound open. Each value is a FHIR date or dateTime ({@code 2026},
 * {@code 2026-12}, {@code 2026-12-01}, {@code 2026-12-01T09:30:00-05:00}) standing for
 * the interval its precision covers (dates in UTC), with an optional prefix {@code eq}
 * (default), {@code ge}, {@code gt}, {@code le} or {@code lt}; several values all apply.
 */
record DateRange(Instant from, Instant to) {

    private static final Pattern VALUE = Pattern.compile("(eq|ne|gt|lt|ge|le|sa|eb|ap)?(.+)");

    static DateRange of(List<String> values) {
        DateRange range = new DateRange(null, null);
        for (String value : values == null ? List.<String>of() : values) {
            range = range.and(value);
        }
        return range;
    }

    boolean empty() {
        return from != null && to != null && !from.isBefore(to);
    }

    private DateRange and(String value) {
        Matcher matcher = VALUE.matcher(value.trim());
        if (!matcher.matches()) {
            throw invalid(value);
        }
        String prefix = matcher.group(1) == null ? "eq" : matcher.group(1);
        Instant[] interval = interval(matcher.group(2), value);
        return switch (prefix) {
            case "eq" -> new DateRange(later(from, interval[0]), earlier(to, interval[1]));
            case "ge" -> new DateRange(later(from, interval[0]), to);
            case "gt" -> new DateRange(later(from, interval[1]), to);
            case "le" -> new DateRange(from, earlier(to, interval[1]));
            case "lt" -> new DateRange(from, earlier(to, interval[0]));
            default -> throw new BadParameter("date",
                    "The date prefix '%s' is not supported; use eq, ge, gt, le or lt.".formatted(prefix));
        };
    }

    private static Instant[] interval(String text, String value) {
        try {
            if (text.contains("T")) {
                Instant at = OffsetDateTime.parse(text).toInstant();
                ChronoUnit precision = text.chars().filter(c -> c == ':').count() >= 3 ? ChronoUnit.SECONDS
                        : ChronoUnit.MINUTES;
                return new Instant[] { at, at.plus(1, precision) };
            }
            return switch (text.length()) {
                case 4 -> days(Year.parse(text).atDay(1), Year.parse(text).plusYears(1).atDay(1));
                case 7 -> days(YearMonth.parse(text).atDay(1), YearMonth.parse(text).plusMonths(1).atDay(1));
                case 10 -> days(LocalDate.parse(text), LocalDate.parse(text).plusDays(1));
                default -> throw invalid(value);
            };
        }
        catch (DateTimeParseException ex) {
            throw invalid(value);
        }
    }

    private static Instant[] days(LocalDate first, LocalDate next) {
        return new Instant[] { first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                next.atStartOfDay(ZoneOffset.UTC).toInstant() };
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static BadParameter invalid(String value) {
        return new BadParameter("date",
                ("'%s' is not a FHIR date search value: use an optional prefix (eq, ge, gt, "
                        + "le, lt) and a date or dateTime, e.g. ge2026-12-01 or 2026-12-01T09:30:00Z.")
                    .formatted(value));
    }
}
