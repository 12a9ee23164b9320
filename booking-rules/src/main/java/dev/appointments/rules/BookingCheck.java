package dev.appointments.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import dev.appointments.model.ReasonCode;

/**
 * Decides whether a provider's rules allow an appointment at a wall-clock date and time.
 * The checks run in the order of {@link ReasonCode}, from {@code INVALID_DURATION} to
 * {@code OUTSIDE_SCHEDULE}: what the request says about itself, then time relative to
 * now, then the calendar.
 */
final class BookingCheck {

    private static final int MAX_DURATION_MINUTES = TimeRange.MINUTES_PER_DAY;

    private final ProviderRules rules;

    private final SlotGrid grid;

    private final BlockedTime blocked;

    BookingCheck(ProviderRules rules, SlotGrid grid, BlockedTime blocked) {
        this.rules = rules;
        this.grid = grid;
        this.blocked = blocked;
    }

    BookingDecision check(LocalDate date, LocalTime time, Integer durationMinutes, Instant now) {
        int minutes = durationMinutes == null ? rules.slotMinutes() : durationMinutes;
        Optional<Refusal> duration = checkDuration(minutes);
        if (duration.isPresent()) {
            return duration.get();
        }
        // A skipped wall-clock time moves forward here, so that the checks against now
        // still have an instant.
        Instant start = ZonedDateTime.of(date.atTime(time), grid.zone()).toInstant();
        if (!start.isAfter(now)) {
            return refuse(ReasonCode.IN_THE_PAST, "%s %s has already begun.", date, time);
        }
        if (start.isBefore(now.plus(rules.minimumNotice()))) {
            return refuse(ReasonCode.TOO_SHORT_NOTICE,
                    "%s %s is less than %s ahead; this provider needs that " + "much notice.", date, time,
                    describe(rules.minimumNotice()));
        }
        if (start.isAfter(now.plus(rules.maximumAdvance()))) {
            return refuse(ReasonCode.TOO_FAR_AHEAD,
                    "%s %s is more than %s ahead; this provider takes bookings up " + "to that far.", date, time,
                    describe(rules.maximumAdvance()));
        }
        Optional<Refusal> calendar = checkCalendar(date, time, minutes);
        if (calendar.isPresent()) {
            return calendar.get();
        }
        Duration length = Duration.ofMinutes(minutes);
        return new SlotRequest(start, start.plus(length), blocked.of(start, length).to());
    }

    /**
     * The rules that do not depend on when they are asked: duration, grid, hours. An
     * appointment booked under other rules may break them; it stays valid, and this says
     * which rule it breaks.
     */
    Optional<Refusal> checkFit(LocalDate date, LocalTime time, int minutes) {
        return checkDuration(minutes).or(() -> checkCalendar(date, time, minutes));
    }

    private Optional<Refusal> checkDuration(int minutes) {
        int slot = rules.slotMinutes();
        if (minutes <= 0 || minutes % slot != 0 || minutes > MAX_DURATION_MINUTES) {
            return Optional.of(refuse(ReasonCode.INVALID_DURATION,
                    "A duration of %d minutes is not a whole " + "number of %d-minute slots between %d and %d minutes.",
                    minutes, slot, slot, MAX_DURATION_MINUTES));
        }
        return Optional.empty();
    }

    private Optional<Refusal> checkCalendar(LocalDate date, LocalTime time, int minutes) {
        if (!grid.onGrid(time)) {
            return Optional.of(refuse(ReasonCode.MISALIGNED,
                    "%s is not on this provider's grid of %d-minute " + "slots from midnight.", time,
                    rules.slotMinutes()));
        }
        LocalDateTime local = date.atTime(time);
        ZonedDateTime zoned = ZonedDateTime.of(local, grid.zone());
        if (!zoned.toLocalDateTime().equals(local)) {
            return Optional.of(refuse(ReasonCode.OUTSIDE_SCHEDULE,
                    "%s %s does not exist in %s: the clocks skip " + "it.", date, time, grid.zone()));
        }
        if (grid.hoursOn(date).isEmpty()) {
            return Optional.of(refuse(ReasonCode.OUTSIDE_SCHEDULE, "The provider is closed on %s.", date));
        }
        if (!grid.isOpen(zoned.toInstant(), Duration.ofMinutes(minutes))) {
            return Optional.of(refuse(ReasonCode.OUTSIDE_SCHEDULE,
                    "%s %s for %d minutes is outside the " + "provider's hours.", date, time, minutes));
        }
        return Optional.empty();
    }

    private static Refusal refuse(ReasonCode reason, String message, Object... arguments) {
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
