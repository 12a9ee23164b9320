package dev.appointments.rules;

import static dev.appointments.rules.Providers.NOW;
import static dev.appointments.rules.Providers.date;
import static dev.appointments.rules.Providers.instant;
import static dev.appointments.rules.Providers.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SlotLocksTests {

    private final BookingCalendar calendar = Providers.calendar(Providers.weekdays());

    @Test
    void aLongerAppointmentLocksEverySlotItCovers() {
        assertThat(locks(calendar, "09:30", 30)).containsExactly(instant("2026-03-09T13:30:00Z"),
                instant("2026-03-09T13:45:00Z"));
    }

    @Test
    void anAppointmentInsideAnotherCollidesWithIt() {
        assertThat(locks(calendar, "09:30", 30)).containsAnyElementsOf(locks(calendar, "09:45", 15));
    }

    @Test
    void backToBackAppointmentsWithoutBufferDoNotCollide() {
        assertThat(Collections.disjoint(locks(calendar, "09:30", 30), locks(calendar, "10:00", 15))).isTrue();
    }

    @Test
    void theBufferIsRoundedUpToWholeSlotsAndLockedAfterTheEnd() {
        BookingCalendar buffered = Providers.calendar(Providers.weekdays().withBufferMinutes(10));

        assertThat(buffered.effectiveBuffer()).isEqualTo(Duration.ofMinutes(15));
        assertThat(locks(buffered, "09:30", 30)).containsExactly(instant("2026-03-09T13:30:00Z"),
                instant("2026-03-09T13:45:00Z"), instant("2026-03-09T14:00:00Z"));
    }

    @Test
    void theBufferKeepsTheNextAppointmentAwayOnEitherSide() {
        BookingCalendar buffered = Providers.calendar(Providers.weekdays().withBufferMinutes(10));
        List<Instant> booked = locks(buffered, "09:30", 30);

        assertThat(booked).containsAnyElementsOf(locks(buffered, "10:00", 15));
        assertThat(booked).doesNotContainAnyElementsOf(locks(buffered, "10:15", 15));
        assertThat(booked).containsAnyElementsOf(locks(buffered, "09:00", 30));
        assertThat(booked).doesNotContainAnyElementsOf(locks(buffered, "09:00", 15));
    }

    @Test
    void locksAcrossSpringForwardFollowRealTime() {
        BookingCalendar night = Providers.calendar(Providers.withSunday(TimeRange.of("00:00", "06:00")));

        SlotRequest request = (SlotRequest) night.check(date("2026-03-08"), time("01:30"), 60, NOW);

        assertThat(request.end()).isEqualTo(instant("2026-03-08T07:30:00Z"));
        assertThat(request.lockedSlots()).containsExactly(instant("2026-03-08T06:30:00Z"),
                instant("2026-03-08T06:45:00Z"), instant("2026-03-08T07:00:00Z"), instant("2026-03-08T07:15:00Z"));
        assertThat(request.lockedSlots())
            .containsAll(((SlotRequest) night.check(date("2026-03-08"), time("03:00"), null, NOW)).lockedSlots());
    }

    @Test
    void appointmentsOverlappingInRealTimeAcrossTheSkippedHourCollideEvenOffTheHourlyGrid() {
        // 45-minute slots: 01:30 EST runs until 03:15 EDT, so it overlaps the slot at 03:00 EDT.
        BookingCalendar night = Providers.calendar(ProviderRules.withDefaults("Night", Providers.NEW_YORK,
                Map.of(DayOfWeek.SUNDAY, List.of(TimeRange.of("00:00", "06:00")))).withSlotMinutes(45));

        SlotRequest early = (SlotRequest) night.check(date("2026-03-08"), time("01:30"), null, NOW);
        SlotRequest late = (SlotRequest) night.check(date("2026-03-08"), time("03:00"), null, NOW);

        assertThat(early.lockedSlots()).containsExactly(instant("2026-03-08T06:30:00Z"),
                instant("2026-03-08T07:00:00Z"));
        assertThat(early.lockedSlots()).containsAnyElementsOf(late.lockedSlots());
    }

    @Test
    void anAppointmentOverTheRepeatedHourLocksOnlyTheInstantsThatCanStartOne() {
        BookingCalendar night = Providers.calendar(Providers.withSunday(TimeRange.of("00:00", "06:00")));

        SlotRequest request = (SlotRequest) night.check(date("2026-11-01"), time("00:30"), 120, Providers.AUTUMN_NOW);

        assertThat(request.end()).isEqualTo(instant("2026-11-01T06:30:00Z"));
        assertThat(request.lockedSlots()).hasSize(6).last().isEqualTo(instant("2026-11-01T05:45:00Z"));
    }

    @Test
    void refusesToLockFromAnInstantOffTheGrid() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> calendar.lockedSlots(instant("2026-03-09T13:40:00Z"), Duration.ofMinutes(15)));
    }

    private static List<Instant> locks(BookingCalendar calendar, String start, int minutes) {
        return ((SlotRequest) calendar.check(date("2026-03-09"), time(start), minutes, NOW)).lockedSlots();
    }

}
