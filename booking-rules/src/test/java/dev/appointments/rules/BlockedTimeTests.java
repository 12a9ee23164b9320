package dev.appointments.rules;

import static dev.appointments.rules.Providers.NOW;
import static dev.appointments.rules.Providers.date;
import static dev.appointments.rules.Providers.instant;
import static dev.appointments.rules.Providers.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.appointments.model.ReasonCode;

import org.junit.jupiter.api.Test;

class BlockedTimeTests {

    private final BookingCalendar calendar = Providers.calendar(Providers.weekdays());

    @Test
    void anAppointmentWithoutBufferKeepsItsOwnTime() {
        assertThat(blocked(calendar, "09:30", 30))
            .isEqualTo(new TimeWindow(instant("2026-03-09T13:30:00Z"), instant("2026-03-09T14:00:00Z")));
    }

    @Test
    void anAppointmentInsideAnotherCollidesWithIt() {
        assertThat(blocked(calendar, "09:30", 30).overlaps(blocked(calendar, "09:45", 15))).isTrue();
    }

    @Test
    void backToBackAppointmentsWithoutBufferDoNotCollide() {
        assertThat(blocked(calendar, "09:30", 30).overlaps(blocked(calendar, "10:00", 15))).isFalse();
    }

    @Test
    void theBufferIsRoundedUpToWholeSlotsAndKeptAfterTheEnd() {
        BookingCalendar buffered = Providers.calendar(Providers.weekdays().withBufferMinutes(10));

        assertThat(buffered.effectiveBuffer()).isEqualTo(Duration.ofMinutes(15));
        assertThat(blocked(buffered, "09:30", 30).to()).isEqualTo(instant("2026-03-09T14:15:00Z"));
    }

    @Test
    void theBufferKeepsTheNextAppointmentAwayOnEitherSide() {
        BookingCalendar buffered = Providers.calendar(Providers.weekdays().withBufferMinutes(10));
        TimeWindow booked = blocked(buffered, "09:30", 30);

        assertThat(booked.overlaps(blocked(buffered, "10:00", 15))).isTrue();
        assertThat(booked.overlaps(blocked(buffered, "10:15", 15))).isFalse();
        assertThat(booked.overlaps(blocked(buffered, "09:00", 30))).isTrue();
        assertThat(booked.overlaps(blocked(buffered, "09:00", 15))).isFalse();
    }

    @Test
    void anAppointmentAcrossSpringForwardKeepsItsRealTime() {
        BookingCalendar night = Providers.calendar(Providers.withSunday(TimeRange.of("00:00", "06:00")));

        SlotRequest request = (SlotRequest) night.check(date("2026-03-08"), time("01:30"), 60, NOW);
        SlotRequest after = (SlotRequest) night.check(date("2026-03-08"), time("03:00"), null, NOW);

        assertThat(request.blocked())
            .isEqualTo(new TimeWindow(instant("2026-03-08T06:30:00Z"), instant("2026-03-08T07:30:00Z")));
        assertThat(request.blocked().overlaps(after.blocked())).isTrue();
    }

    @Test
    void appointmentsOverlappingInRealTimeAcrossTheSkippedHourCollideEvenOffTheHourlyGrid() {
        // 45-minute slots: 01:30 EST runs until 03:15 EDT, so it overlaps the slot at
        // 03:00 EDT.
        BookingCalendar night = Providers.calendar(
                ProviderRules
                    .withDefaults("Night", Providers.NEW_YORK,
                            Map.of(DayOfWeek.SUNDAY, List.of(TimeRange.of("00:00", "06:00"))))
                    .withSlotMinutes(45));

        SlotRequest early = (SlotRequest) night.check(date("2026-03-08"), time("01:30"), null, NOW);
        SlotRequest late = (SlotRequest) night.check(date("2026-03-08"), time("03:00"), null, NOW);

        assertThat(early.blocked().overlaps(late.blocked())).isTrue();
    }

    @Test
    void anAppointmentOverTheRepeatedHourKeepsItsRealTime() {
        BookingCalendar night = Providers.calendar(Providers.withSunday(TimeRange.of("00:00", "06:00")));

        SlotRequest request = (SlotRequest) night.check(date("2026-11-01"), time("00:30"), 120, Providers.AUTUMN_NOW);

        assertThat(request.blocked())
            .isEqualTo(new TimeWindow(instant("2026-11-01T04:30:00Z"), instant("2026-11-01T06:30:00Z")));
    }

    @Test
    void refusesToBlockNoTime() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> calendar.blockedTime(instant("2026-03-09T13:30:00Z"), Duration.ZERO));
    }

    @Test
    void aRuleChangeNamesWhatAnEarlierAppointmentNoLongerFits() {
        BookingCalendar half = Providers.calendar(Providers.weekdays().withSlotMinutes(30));

        assertThat(half.checkFit(date("2026-03-09"), time("09:15"), 30)).get()
            .extracting(Refusal::reason)
            .isEqualTo(ReasonCode.MISALIGNED);
        assertThat(half.checkFit(date("2026-03-09"), time("09:30"), 45)).get()
            .extracting(Refusal::reason)
            .isEqualTo(ReasonCode.INVALID_DURATION);
        assertThat(half.checkFit(date("2026-03-09"), time("16:30"), 60)).get()
            .extracting(Refusal::reason)
            .isEqualTo(ReasonCode.OUTSIDE_SCHEDULE);
        assertThat(half.checkFit(date("2026-03-09"), time("16:30"), 30)).isEmpty();
    }

    private static TimeWindow blocked(BookingCalendar calendar, String start, int minutes) {
        return ((SlotRequest) calendar.check(date("2026-03-09"), time(start), minutes, NOW)).blocked();
    }

}
