package dev.appointments.rules;

import static dev.appointments.rules.Providers.NOW;
import static dev.appointments.rules.Providers.date;
import static dev.appointments.rules.Providers.instant;
import static dev.appointments.rules.Providers.time;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FreeSlotsTests {

    @Test
    void everySlotIsFreeOnAnEmptyDay() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays());

        assertThat(calendar.freeSlots(date("2026-03-09"), List.of(), NOW)).hasSize(32);
    }

    @Test
    void slotsInsideTheMinimumNoticeAreNotFree() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays());

        // NOW plus 24 hours is 10:00 on Monday 2026-03-02.
        assertThat(calendar.freeSlots(date("2026-03-02"), List.of(), NOW)).hasSize(28)
            .first()
            .extracting(Slot::time)
            .isEqualTo(time("10:00"));
    }

    @Test
    void slotsBeyondTheMaximumAdvanceAreNotFree() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays());

        assertThat(calendar.freeSlots(date("2026-06-01"), List.of(), NOW)).isEmpty();
    }

    @Test
    void aBookedAppointmentTakesItsSlotsAwayWithoutBuffer() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays());
        List<TimeWindow> busy = List.of(blockedBy(calendar, "09:30", 30));

        List<Slot> free = calendar.freeSlots(date("2026-03-09"), busy, NOW);

        assertThat(free).hasSize(30)
            .extracting(Slot::time)
            .contains(time("09:15"), time("10:00"))
            .doesNotContain(time("09:30"), time("09:45"));
    }

    @Test
    void aBookedAppointmentTakesItsBufferOnBothSidesAway() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays().withBufferMinutes(15));
        List<TimeWindow> busy = List.of(blockedBy(calendar, "09:30", 30));

        List<Slot> free = calendar.freeSlots(date("2026-03-09"), busy, NOW);

        assertThat(free).extracting(Slot::time)
            .contains(time("09:00"), time("10:15"), time("16:45"))
            .doesNotContain(time("09:15"), time("09:30"), time("09:45"), time("10:00"));
        assertThat(free).hasSize(28);
    }

    @Test
    void theBusyWindowCoversTheDayAndTheLastBuffer() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays().withBufferMinutes(15));

        assertThat(calendar.busyWindow(date("2026-03-09")))
            .isEqualTo(new TimeWindow(instant("2026-03-09T13:00:00Z"), instant("2026-03-09T21:15:00Z")));
        assertThat(calendar.busyWindow(date("2026-03-07")).from())
            .isEqualTo(calendar.busyWindow(date("2026-03-07")).to());
    }

    @Test
    void anAppointmentBookedOnAnotherGridTakesAwayEverySlotItOverlaps() {
        // Booked at 09:20 for 20 minutes on a 20-minute grid; the provider now has
        // 30-minute slots.
        BookingCalendar calendar = Providers.calendar(Providers.weekdays().withSlotMinutes(30));
        List<TimeWindow> busy = List
            .of(new TimeWindow(instant("2026-03-09T13:20:00Z"), instant("2026-03-09T13:40:00Z")));

        assertThat(calendar.freeSlots(date("2026-03-09"), busy, NOW)).extracting(Slot::time)
            .doesNotContain(time("09:00"), time("09:30"))
            .contains(time("10:00"));
    }

    private static TimeWindow blockedBy(BookingCalendar calendar, String start, int minutes) {
        return ((SlotRequest) calendar.check(date("2026-03-09"), time(start), minutes, NOW)).blocked();
    }

}
