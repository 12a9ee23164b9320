package dev.appointments.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * Decides whether a provider's rules allow an appointment at a wall-clock date and time. The checks run in the order
 * of {@link RefusalReason}: what the request says about itself, then time relative to now, then the calendar.
 */
final class BookingCheck {

    private static final int MAX_DURATION_MINUTES = TimeRange.MINUTES_PER_DAY;

    private final ProviderRules rules;

    private final SlotGrid grid;

    private final SlotLocks locks;

    BookingCheck(ProviderRules rules, SlotGrid grid, SlotLocks locks) {
        this.rules = rules;
        this.grid = grid;
        this.locks = locks;
    }

    BookingDecision check(LocalDate date, LocalTime time, Integer durationMinutes, Instant now) {
        int slot = rules.slotMinutes();
        int minutes = durationMinutes == null ? slot : durationMinutes;
        if (minutes <= 0 || minutes % slot != 0 || minutes > MAX_DURATION_MINUTES) {
            return refuse(RefusalReason.INVALID_DURATION, "A duration of %d minutes is not a whole number of %d-minute "
                    + "slots between %d and %d minutes.", minutes, slot, slot, MAX_DURATION_MINUTES);
        }
        LocalDateTime local = date.atTime(time);
        // A skipped wall-clock time moves forward here, so that the checks against now still have an instant.
        ZonedDateTime zoned = ZonedDateTime.of(local, grid.zone());
        Instant start = zoned.toInstant();
        if (!start.isAfter(now)) {
            return refuse(RefusalReason.IN_THE_PAST, "%s %s has already begun.", date, time);
        }
        if (start.isBefore(now.plus(rules.minimumNotice()))) {
            return refuse(RefusalReason.TOO_SHORT_NOTICE, "%s %s is less than %s ahead; this provider needs that "
                    + "much notice.", date, time, describe(rules.minimumNotice()));
        }
        if (start.isAfter(now.plus(rules.maximumAdvance()))) {
            return refuse(RefusalReason.TOO_FAR_AHEAD, "%s %s is more than %s ahead; this provider takes bookings up "
                    + "to that far.", date, time, describe(rules.maximumAdvance()));
        }
        if (!grid.onGrid(time)) {
            return refuse(RefusalReason.MISALIGNED, "%s is not on this provider's grid of %d-minute slots from "
                    + "midnight.", time, slot);
        }
        if (!zoned.toLocalDateTime().equals(local)) {
            return refuse(RefusalReason.OUTSIDE_SCHEDULE, "%s %s does not exist in %s: the clocks skip it.", date,
                    time, grid.zone());
        }
        if (grid.hoursOn(date).isEmpty()) {
            return refuse(RefusalReason.OUTSIDE_SCHEDULE, "The provider is closed on %s.", date);
        }
        Duration duration = Duration.ofMinutes(minutes);
        Instant end = start.plus(duration);
        if (!grid.isOpen(start, duration)) {
            return refuse(RefusalReason.OUTSIDE_SCHEDULE, "%s %s for %d minutes is outside the provider's hours.",
                    date, time, minutes);
        }
        return new SlotRequest(start, end, locks.lockedSlots(start, duration));
    }

    private static Refusal refuse(RefusalReason reason, String message, Object... arguments) {
        return new Refusal(reason, message.formatted(arguments));
    }

    static String describe(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % TimeRange.MINUTES_PER_DAY == 0 && minutes > 0) {
            return minutes / TimeRange.MINUTES_PER_DAY + " days";
        }
        return minutes % 60 == 0 ? minutes / 60 + " hours" : minutes + " minutes";
    }

}
