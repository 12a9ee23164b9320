package dev.appointments.rules;

import static dev.appointments.rules.Providers.date;
import static dev.appointments.rules.Providers.instant;
import static dev.appointments.rules.Providers.time;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SlotGridTests {

    @Test
    void aWorkingDayHasThirtyTwoQuarterHourSlotsInOrder() {
        List<Slot> slots = Providers.calendar(Providers.weekdays()).slots(date("2026-03-06"));

        assertThat(slots).hasSize(32);
        assertThat(slots.getFirst()).isEqualTo(new Slot(date("2026-03-06"), time("09:00"),
                instant("2026-03-06T14:00:00Z"), instant("2026-03-06T14:15:00Z")));
        assertThat(slots.getLast().time()).isEqualTo(time("16:45"));
    }

    @Test
    void slotsOnEitherSideOfSpringForwardLandAtTheirOwnOffset() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays());

        assertThat(calendar.slots(date("2026-03-06")).get(2).start()).isEqualTo(instant("2026-03-06T14:30:00Z"));
        assertThat(calendar.slots(date("2026-03-09")).get(2).start()).isEqualTo(instant("2026-03-09T13:30:00Z"));
    }

    @Test
    void slotsOnEitherSideOfFallBackLandAtTheirOwnOffset() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays());

        assertThat(calendar.slots(date("2026-10-30")).getFirst().start()).isEqualTo(instant("2026-10-30T13:00:00Z"));
        assertThat(calendar.slots(date("2026-11-02")).getFirst().start()).isEqualTo(instant("2026-11-02T14:00:00Z"));
    }

    @Test
    void daytimeHoursOnTheDaysTheClocksChangeStillHaveThirtyTwoSlots() {
        BookingCalendar calendar = Providers.calendar(Providers.withSunday(TimeRange.of("09:00", "17:00")));

        assertThat(calendar.slots(date("2026-03-08"))).hasSize(32)
            .first()
            .extracting(Slot::start)
            .isEqualTo(instant("2026-03-08T13:00:00Z"));
        assertThat(calendar.slots(date("2026-11-01"))).hasSize(32)
            .first()
            .extracting(Slot::start)
            .isEqualTo(instant("2026-11-01T14:00:00Z"));
    }

    @Test
    void theHourThatSpringForwardSkipsHasNoSlots() {
        BookingCalendar calendar = Providers.calendar(Providers.withSunday(TimeRange.of("00:00", "06:00")));

        List<Slot> slots = calendar.slots(date("2026-03-08"));

        assertThat(slots).hasSize(20)
            .extracting(Slot::time)
            .contains(time("01:45"), time("03:00"))
            .doesNotContain(time("02:00"), time("02:15"), time("02:30"), time("02:45"));
        assertThat(slots).filteredOn(slot -> slot.time().equals(time("01:45")))
            .singleElement()
            .extracting(Slot::start)
            .isEqualTo(instant("2026-03-08T06:45:00Z"));
        assertThat(slots).filteredOn(slot -> slot.time().equals(time("03:00")))
            .singleElement()
            .extracting(Slot::start)
            .isEqualTo(instant("2026-03-08T07:00:00Z"));
    }

    @Test
    void theHourThatFallBackRepeatsHasItsSlotsOnceAtTheEarlierOffset() {
        BookingCalendar calendar = Providers.calendar(Providers.withSunday(TimeRange.of("00:00", "06:00")));

        List<Slot> slots = calendar.slots(date("2026-11-01"));

        assertThat(slots).hasSize(24);
        assertThat(slots).filteredOn(slot -> slot.time().equals(time("01:30")))
            .singleElement()
            .extracting(Slot::start)
            .isEqualTo(instant("2026-11-01T05:30:00Z"));
        assertThat(slots).filteredOn(slot -> slot.time().equals(time("02:00")))
            .singleElement()
            .extracting(Slot::start)
            .isEqualTo(instant("2026-11-01T07:00:00Z"));
    }

    @Test
    void aSlotThatReachesPastAClosingTimeAcrossTheSkippedHourIsNotOffered() {
        // With 45-minute slots, 01:30 EST lasts until 03:15 EDT: past a range that closes
        // at 03:00.
        ProviderRules rules = ProviderRules
            .withDefaults("Night", Providers.NEW_YORK,
                    Map.of(DayOfWeek.SUNDAY, List.of(TimeRange.of("00:00", "03:00"))))
            .withSlotMinutes(45);

        assertThat(Providers.calendar(rules).slots(date("2026-03-08"))).extracting(Slot::time)
            .containsExactly(time("00:00"), time("00:45"));
    }

    @Test
    void aClosedOverrideRemovesTheDay() {
        BookingCalendar calendar = Providers
            .calendar(Providers.weekdays().withDateOverrides(List.of(DateOverride.closedOn(date("2026-03-10")))));

        assertThat(calendar.slots(date("2026-03-10"))).isEmpty();
        assertThat(calendar.slots(date("2026-03-11"))).hasSize(32);
    }

    @Test
    void anOverrideReplacesTheDaysHoursAndCanOpenAWeekend() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays()
            .withDateOverrides(List.of(
                    DateOverride.openOn(date("2026-03-11"), TimeRange.of("10:00", "12:00"),
                            TimeRange.of("14:00", "15:00")),
                    DateOverride.openOn(date("2026-03-14"), TimeRange.of("09:00", "10:00")))));

        assertThat(calendar.slots(date("2026-03-11"))).hasSize(12)
            .first()
            .extracting(Slot::time)
            .isEqualTo(time("10:00"));
        assertThat(calendar.slots(date("2026-03-14"))).hasSize(4);
        assertThat(calendar.slots(date("2026-03-15"))).isEmpty();
    }

    @Test
    void aRangeEndingAtMidnightOffersTheLastSlotOfTheDay() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays()
            .withDateOverrides(List.of(DateOverride.openOn(date("2026-03-12"), TimeRange.of("22:00", "00:00")))));

        assertThat(calendar.slots(date("2026-03-12"))).hasSize(8)
            .last()
            .extracting(Slot::time)
            .isEqualTo(time("23:45"));
    }

}
