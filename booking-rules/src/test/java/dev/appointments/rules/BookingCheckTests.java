package dev.appointments.rules;

import static dev.appointments.rules.Providers.NOW;
import static dev.appointments.rules.Providers.date;
import static dev.appointments.rules.Providers.instant;
import static dev.appointments.rules.Providers.time;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import dev.appointments.model.ReasonCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookingCheckTests {

    private final BookingCalendar calendar = Providers.calendar(Providers.weekdays());

    @Test
    void acceptsASlotAfterSpringForwardAtItsSummerInstant() {
        BookingDecision decision = calendar.check(date("2026-03-09"), time("09:30"), null, NOW);

        assertThat(decision).isEqualTo(new SlotRequest(instant("2026-03-09T13:30:00Z"), instant("2026-03-09T13:45:00Z"),
                instant("2026-03-09T13:45:00Z")));
    }

    @Test
    void acceptsASlotBeforeSpringForwardAtItsWinterInstant() {
        BookingDecision decision = calendar.check(date("2026-03-06"), time("09:30"), 30, NOW);

        assertThat(decision).isEqualTo(new SlotRequest(instant("2026-03-06T14:30:00Z"), instant("2026-03-06T15:00:00Z"),
                instant("2026-03-06T15:00:00Z")));
    }

    @Test
    void acceptsSlotsAroundFallBackAtTheirOwnOffsets() {
        assertThat(start(calendar.check(date("2026-10-30"), time("09:30"), null, Providers.AUTUMN_NOW)))
            .isEqualTo(instant("2026-10-30T13:30:00Z"));
        assertThat(start(calendar.check(date("2026-11-02"), time("09:30"), null, Providers.AUTUMN_NOW)))
            .isEqualTo(instant("2026-11-02T14:30:00Z"));
    }

    @Test
    void booksTheEarlierOfTwoRepeatedWallClockTimes() {
        BookingCalendar night = Providers.calendar(Providers.withSunday(TimeRange.of("00:00", "06:00")));

        assertThat(start(night.check(date("2026-11-01"), time("01:30"), null, Providers.AUTUMN_NOW)))
            .isEqualTo(instant("2026-11-01T05:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -15, 20, 1455 })
    void refusesADurationThatIsNotAPositiveMultipleOfTheSlotUpToADay(int minutes) {
        assertThat(reason(calendar.check(date("2026-03-09"), time("09:30"), minutes, NOW)))
            .isEqualTo(ReasonCode.INVALID_DURATION);
    }

    @Test
    void refusesAStartInThePast() {
        assertThat(reason(calendar.check(date("2026-02-27"), time("09:30"), null, NOW)))
            .isEqualTo(ReasonCode.IN_THE_PAST);
    }

    @Test
    void refusesAStartAtThisVeryInstantAsPast() {
        Instant nineThirty = instant("2026-03-09T13:30:00Z");

        assertThat(reason(calendar.check(date("2026-03-09"), time("09:30"), null, nineThirty)))
            .isEqualTo(ReasonCode.IN_THE_PAST);
    }

    @Test
    void refusesAStartInsideTheMinimumNoticeAndAcceptsOneExactlyAtIt() {
        // NOW plus 24 hours is Monday 2026-03-02, 10:00 in New York.
        assertThat(reason(calendar.check(date("2026-03-02"), time("09:45"), null, NOW)))
            .isEqualTo(ReasonCode.TOO_SHORT_NOTICE);
        assertThat(calendar.check(date("2026-03-02"), time("10:00"), null, NOW)).isInstanceOf(SlotRequest.class);
    }

    @Test
    void refusesAStartBeyondTheMaximumAdvanceAndAcceptsOneExactlyAtIt() {
        // NOW plus 90 days is Saturday 2026-05-30, 11:00 in New York (EDT); an override
        // opens that morning.
        BookingCalendar saturday = Providers.calendar(Providers.weekdays()
            .withDateOverrides(List.of(DateOverride.openOn(date("2026-05-30"), TimeRange.of("09:00", "12:00")))));

        assertThat(saturday.check(date("2026-05-30"), time("11:00"), null, NOW)).isInstanceOf(SlotRequest.class);
        assertThat(reason(saturday.check(date("2026-05-30"), time("11:15"), null, NOW)))
            .isEqualTo(ReasonCode.TOO_FAR_AHEAD);
    }

    @ParameterizedTest
    @ValueSource(strings = { "09:10", "09:30:30", "16:59" })
    void refusesAStartOffTheSlotGrid(String start) {
        assertThat(reason(calendar.check(date("2026-03-09"), LocalTime.parse(start), null, NOW)))
            .isEqualTo(ReasonCode.MISALIGNED);
    }

    @Test
    void refusesAClosedWeekday() {
        Refusal refusal = (Refusal) calendar.check(date("2026-03-07"), time("10:00"), null, NOW);

        assertThat(refusal.reason()).isEqualTo(ReasonCode.OUTSIDE_SCHEDULE);
        assertThat(refusal.message()).contains("closed on 2026-03-07");
    }

    @Test
    void refusesAStartBeforeOpeningAndAnAppointmentRunningPastClosing() {
        assertThat(reason(calendar.check(date("2026-03-09"), time("08:45"), null, NOW)))
            .isEqualTo(ReasonCode.OUTSIDE_SCHEDULE);
        assertThat(reason(calendar.check(date("2026-03-09"), time("16:45"), 30, NOW)))
            .isEqualTo(ReasonCode.OUTSIDE_SCHEDULE);
        assertThat(calendar.check(date("2026-03-09"), time("16:30"), 30, NOW)).isInstanceOf(SlotRequest.class);
    }

    @Test
    void refusesAnAppointmentSpanningTheLunchBreak() {
        BookingCalendar split = Providers.calendar(ProviderRules.withDefaults("Demo", Providers.NEW_YORK,
                ProviderRules.mondayToFriday(TimeRange.of("09:00", "12:00"), TimeRange.of("13:00", "17:00"))));

        assertThat(reason(split.check(date("2026-03-09"), time("11:45"), 30, NOW)))
            .isEqualTo(ReasonCode.OUTSIDE_SCHEDULE);
        assertThat(split.check(date("2026-03-09"), time("11:30"), 30, NOW)).isInstanceOf(SlotRequest.class);
    }

    @Test
    void refusesAWallClockTimeThatSpringForwardSkips() {
        BookingCalendar night = Providers.calendar(Providers.withSunday(TimeRange.of("00:00", "06:00")));

        Refusal refusal = (Refusal) night.check(date("2026-03-08"), time("02:30"), null, NOW);

        assertThat(refusal.reason()).isEqualTo(ReasonCode.OUTSIDE_SCHEDULE);
        assertThat(refusal.message()).contains("does not exist");
    }

    @Test
    void followsOverridesThatCloseADayOrChangeItsHours() {
        BookingCalendar withOverrides = Providers.calendar(Providers.weekdays()
            .withDateOverrides(List.of(DateOverride.closedOn(date("2026-03-10")),
                    DateOverride.openOn(date("2026-03-11"), TimeRange.of("12:00", "14:00")))));

        assertThat(reason(withOverrides.check(date("2026-03-10"), time("10:00"), null, NOW)))
            .isEqualTo(ReasonCode.OUTSIDE_SCHEDULE);
        assertThat(reason(withOverrides.check(date("2026-03-11"), time("10:00"), null, NOW)))
            .isEqualTo(ReasonCode.OUTSIDE_SCHEDULE);
        assertThat(withOverrides.check(date("2026-03-11"), time("13:45"), null, NOW)).isInstanceOf(SlotRequest.class);
    }

    @Test
    void checksTimeBeforeAlignmentBeforeSchedule() {
        LocalDate pastSaturday = date("2026-02-28");
        LocalDate sundayWithinNotice = date("2026-03-01");
        LocalDate saturdayTooFar = date("2026-06-06");

        assertThat(reason(calendar.check(date("2026-03-09"), time("09:10"), 20, NOW)))
            .isEqualTo(ReasonCode.INVALID_DURATION);
        assertThat(reason(calendar.check(pastSaturday, time("03:10"), null, NOW))).isEqualTo(ReasonCode.IN_THE_PAST);
        assertThat(reason(calendar.check(sundayWithinNotice, time("23:10"), null, NOW)))
            .isEqualTo(ReasonCode.TOO_SHORT_NOTICE);
        assertThat(reason(calendar.check(saturdayTooFar, time("03:10"), null, NOW)))
            .isEqualTo(ReasonCode.TOO_FAR_AHEAD);
        assertThat(reason(calendar.check(date("2026-03-07"), time("03:10"), null, NOW)))
            .isEqualTo(ReasonCode.MISALIGNED);
    }

    @Test
    void cancellingOrMovingHonoursTheNoticeAndEndsAtTheStart() {
        BookingCalendar strict = Providers.calendar(Providers.weekdays().withCancellationNotice(Duration.ofHours(24)));
        Instant start = instant("2026-03-09T13:30:00Z");

        assertThat(calendar.checkCancellation(start, instant("2026-03-09T13:29:00Z"))).isEmpty();
        assertThat(strict.checkCancellation(start, instant("2026-03-08T13:30:00Z"))).isEmpty();
        assertThat(strict.checkCancellation(start, instant("2026-03-08T13:31:00Z"))).get()
            .extracting(Refusal::reason)
            .isEqualTo(ReasonCode.INSIDE_CANCELLATION_NOTICE);
        assertThat(calendar.checkCancellation(start, start)).get()
            .extracting(Refusal::reason)
            .isEqualTo(ReasonCode.ALREADY_STARTED);
    }

    @Test
    void aHoldExpiresAfterTheConfirmationTimeoutButNoLaterThanTheStart() {
        Instant start = instant("2026-03-09T13:30:00Z");

        assertThat(calendar.holdExpiry(instant("2026-03-01T15:00:00Z"), start))
            .isEqualTo(instant("2026-03-01T15:15:00Z"));
        assertThat(calendar.holdExpiry(instant("2026-03-09T13:20:00Z"), start)).isEqualTo(start);
    }

    private static ReasonCode reason(BookingDecision decision) {
        assertThat(decision).isInstanceOf(Refusal.class);
        return ((Refusal) decision).reason();
    }

    private static Instant start(BookingDecision decision) {
        assertThat(decision).isInstanceOf(SlotRequest.class);
        return ((SlotRequest) decision).start();
    }

}
