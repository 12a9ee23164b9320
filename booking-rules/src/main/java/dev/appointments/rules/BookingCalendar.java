package dev.appointments.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.appointments.model.ReasonCode;

/**
 * The calendar of one provider: its slot grid, the booking check, the time an appointment
 * keeps and the free slots of a day. Built once per version of the rules and safe to
 * share between threads; {@code now} always comes from the caller's clock.
 */
public final class BookingCalendar {

    private final ProviderRules rules;

    private final SlotGrid grid;

    private final BlockedTime blocked;

    private final BookingCheck check;

    private BookingCalendar(ProviderRules rules) {
        this.rules = rules;
        this.grid = new SlotGrid(rules);
        this.blocked = new BlockedTime(grid, rules.bufferMinutes());
        this.check = new BookingCheck(rules, grid, blocked);
    }

    /**
     * The calendar of valid rules.
     * @throws IllegalArgumentException naming the invalid fields, when
     * {@link ProviderRules#validate()} finds any
     */
    public static BookingCalendar of(ProviderRules rules) {
        List<RuleViolation> violations = rules.validate();
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("Invalid provider rules: " + violations.stream()
                .map(violation -> violation.field() + " " + violation.message())
                .collect(Collectors.joining("; ")));
        }
        return new BookingCalendar(rules);
    }

    public ProviderRules rules() {
        return rules;
    }

    public ZoneId zone() {
        return grid.zone();
    }

    /** The bookable slots of a provider-local date, in order, whether taken or not. */
    public List<Slot> slots(LocalDate date) {
        return grid.slots(date);
    }

    /**
     * Whether an appointment may start at a provider-local date and time and last
     * {@code durationMinutes} (null means one slot), seen at {@code now}. Does not look
     * at other appointments: the provider's busy times do that.
     */
    public BookingDecision check(LocalDate date, LocalTime startTime, Integer durationMinutes, Instant now) {
        return check.check(date, startTime, durationMinutes, now);
    }

    /**
     * Whether these rules would allow an appointment at a provider-local date and time
     * for {@code durationMinutes}, leaving aside when it is asked (notice, advance, the
     * past): empty when they would, otherwise the rule it breaks
     * ({@code INVALID_DURATION}, {@code MISALIGNED}, {@code OUTSIDE_SCHEDULE}). For
     * appointments booked under earlier rules, which stay valid.
     */
    public Optional<Refusal> checkFit(LocalDate date, LocalTime startTime, int durationMinutes) {
        return check.checkFit(date, startTime, durationMinutes);
    }

    /**
     * The time an appointment keeps from others,
     * {@code [start, start + duration + buffer)}, the buffer rounded up to whole slots.
     * @throws IllegalArgumentException when the duration is not positive
     */
    public TimeWindow blockedTime(Instant start, Duration duration) {
        return blocked.of(start, duration);
    }

    /** The buffer between appointments as bookings keep it: rounded up to whole slots. */
    public Duration effectiveBuffer() {
        return blocked.buffer();
    }

    /**
     * The slots of a date where a one-slot appointment (with its buffer) can be booked at
     * {@code now}: allowed by the booking check and overlapping none of {@code busy}, the
     * times other appointments keep in {@link #busyWindow(LocalDate)}.
     */
    public List<Slot> freeSlots(LocalDate date, Collection<TimeWindow> busy, Instant now) {
        return grid.slots(date)
            .stream()
            .filter(slot -> check.check(date, slot.time(), null, now) instanceof SlotRequest request
                    && busy.stream().noneMatch(request.blocked()::overlaps))
            .toList();
    }

    /**
     * The range of instants whose busy times {@link #freeSlots} needs to know about for a
     * date.
     */
    public TimeWindow busyWindow(LocalDate date) {
        return blocked.window(date);
    }

    /**
     * Whether an appointment starting at {@code start} may give up its time at
     * {@code now}, by a cancellation or by a move (which leaves its time as a
     * cancellation does): empty when it may, otherwise {@code ALREADY_STARTED} once it
     * has begun or {@code INSIDE_CANCELLATION_NOTICE} within the provider's cancellation
     * notice.
     */
    public Optional<Refusal> checkCancellation(Instant start, Instant now) {
        if (!start.isAfter(now)) {
            return Optional.of(new Refusal(ReasonCode.ALREADY_STARTED, "The appointment has already begun."));
        }
        if (start.isBefore(now.plus(rules.cancellationNotice()))) {
            return Optional.of(new Refusal(ReasonCode.INSIDE_CANCELLATION_NOTICE,
                    "This provider takes " + "cancellations and moves up to "
                            + BookingCheck.describe(rules.cancellationNotice()) + " before the start."));
        }
        return Optional.empty();
    }

    /**
     * When an unconfirmed booking expires: after the confirmation timeout, and never
     * after its own start.
     */
    public Instant holdExpiry(Instant bookedAt, Instant start) {
        Instant timeout = bookedAt.plus(rules.confirmationTimeout());
        return timeout.isBefore(start) ? timeout : start;
    }

}
