package dev.appointments.rules;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds every field of a provider's rules that the calendar arithmetic cannot work with,
 * so that an admin sees all of them in one answer instead of one per attempt.
 */
final class RulesValidator {

    static final int MIN_SLOT_MINUTES = 5;

    static final int MAX_SLOT_MINUTES = 240;

    /**
     * Keeps instant arithmetic far from overflow and catches typos such as
     * {@code P9000D}.
     */
    static final Duration MAX_DURATION = Duration.ofDays(3660);

    private final List<RuleViolation> violations = new ArrayList<>();

    private final boolean slotValid;

    private final int slotMinutes;

    private RulesValidator(int slotMinutes) {
        this.slotMinutes = slotMinutes;
        // Slots tile the day from midnight, so that every day has the same grid.
        this.slotValid = slotMinutes >= MIN_SLOT_MINUTES && slotMinutes <= MAX_SLOT_MINUTES
                && TimeRange.MINUTES_PER_DAY % slotMinutes == 0;
    }

    static List<RuleViolation> validate(ProviderRules rules) {
        RulesValidator validator = new RulesValidator(rules.slotMinutes());
        validator.check(rules);
        return List.copyOf(validator.violations);
    }

    private void check(ProviderRules rules) {
        if (rules.name() == null || rules.name().isBlank()) {
            violation("name", "must not be blank");
        }
        if (rules.timeZone() == null || !ZoneId.getAvailableZoneIds().contains(rules.timeZone())) {
            violation("timeZone", "must be an IANA time zone id such as America/New_York");
        }
        if (!slotValid) {
            violation("slotMinutes", "must be between 5 and 240 and divide a day (1440 minutes) evenly");
        }
        rules.weeklyHours().forEach((day, ranges) -> checkRanges("weeklyHours." + day, ranges));
        checkOverrides(rules.dateOverrides());
        checkDuration("minimumNotice", rules.minimumNotice(), Duration.ZERO);
        checkDuration("maximumAdvance", rules.maximumAdvance(), Duration.ofMinutes(1));
        if (rules.maximumAdvance().compareTo(rules.minimumNotice()) <= 0) {
            violation("maximumAdvance", "must be longer than minimumNotice, or no slot could ever be booked");
        }
        checkDuration("confirmationTimeout", rules.confirmationTimeout(), Duration.ofMinutes(1));
        checkDuration("cancellationNotice", rules.cancellationNotice(), Duration.ZERO);
        if (rules.bufferMinutes() < 0 || rules.bufferMinutes() > TimeRange.MINUTES_PER_DAY) {
            violation("bufferMinutes", "must be between 0 and 1440");
        }
    }

    private void checkOverrides(List<DateOverride> overrides) {
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < overrides.size(); i++) {
            String field = "dateOverrides[" + i + "]";
            DateOverride override = overrides.get(i);
            if (override == null) {
                violation(field, "must not be null");
                continue;
            }
            if (override.date() == null) {
                violation(field + ".date", "must not be null");
            }
            else if (!dates.add(override.date())) {
                violation(field + ".date", "appears in more than one override");
            }
            if (override.closed() && !override.hours().isEmpty()) {
                violation(field + ".hours", "must be empty on a closed day");
            }
            else if (!override.closed() && override.hours().isEmpty()) {
                violation(field + ".hours", "must list the day's hours, or set closed to true");
            }
            checkRanges(field + ".hours", override.hours());
        }
    }

    private void checkRanges(String field, List<TimeRange> ranges) {
        int previousEnd = 0;
        for (int i = 0; i < ranges.size(); i++) {
            String rangeField = field + "[" + i + "]";
            TimeRange range = ranges.get(i);
            if (range == null || range.start() == null || range.end() == null) {
                violation(rangeField, "must have a start and an end");
                continue;
            }
            boolean wholeMinutes = checkOnGrid(rangeField + ".start", range.start())
                    & checkOnGrid(rangeField + ".end", range.end());
            if (!wholeMinutes) {
                continue;
            }
            if (range.startMinute() >= range.endMinute()) {
                violation(rangeField, "must start before it ends (an end of 00:00 means midnight)");
                continue;
            }
            if (range.startMinute() < previousEnd) {
                violation(rangeField, "overlaps the previous range; list a day's ranges in order without overlap");
            }
            previousEnd = Math.max(previousEnd, range.endMinute());
        }
    }

    private boolean checkOnGrid(String field, LocalTime time) {
        if (time.getSecond() != 0 || time.getNano() != 0) {
            violation(field, "must be a whole minute");
            return false;
        }
        if (slotValid && (time.toSecondOfDay() / 60) % slotMinutes != 0) {
            violation(field, "must lie on the " + slotMinutes + "-minute slot grid that starts at midnight");
        }
        return true;
    }

    private void checkDuration(String field, Duration value, Duration least) {
        if (value.compareTo(least) < 0 || value.compareTo(MAX_DURATION) > 0) {
            String lower = least.isZero() ? "must not be negative" : "must be at least one minute";
            violation(field, lower + " and at most 3660 days (ISO-8601, such as PT24H or P90D)");
        }
    }

    private void violation(String field, String message) {
        violations.add(new RuleViolation(field, message));
    }

}
