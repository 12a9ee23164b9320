package dev.appointments.rules;

import static dev.appointments.rules.Providers.NOW;
import static dev.appointments.rules.Providers.date;
import static dev.appointments.rules.Providers.instant;
import static dev.appointments.rules.Providers.time;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreeSlotsTests {

    @Test
    void everySlotIsFreeOnAnEmptyDay() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays());

        assertThat(calendar.freeSlots(date("2026-03-09"), Set.of(), NOW)).hasSize(32);
    }

    @Test
    void slotsInsideTheMinimumNoticeAreNotFree() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays());

        // NOW plus 24 hours is 10:00 on Monday 2026-03-02.
        assertThat(calendar.freeSlots(date("2026-03-02"), Set.of(), NOW)).hasSize(28).first()
            .extracting(Slot::time).isEqualTo(time("10:00"));
    }

    @Test
    void slotsBeyondTheMaximumAdvanceAreNotFree() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays());

        assertThat(calendar.freeSlots(date("2026-06-01"), Set.of(), NOW)).isEmpty();
    }

    @Test
    void aBookedAppointmentTakesItsSlotsAwayWithoutBuffer() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays());
        Set<Instant> locked = lockedBy(calendar, "09:30", 30);

        List<Slot> free = calendar.freeSlots(date("2026-03-09"), locked, NOW);

        assertThat(free).hasSize(30).extracting(Slot::time).contains(time("09:15"), time("10:00"))
            .doesNotContain(time("09:30"), time("09:45"));
    }

    @Test
    void aBookedAppointmentTakesItsBufferOnBothSidesAway() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays().withBufferMinutes(15));
        Set<Instant> locked = lockedBy(calendar, "09:30", 30);

        List<Slot> free = calendar.freeSlots(date("2026-03-09"), locked, NOW);

        assertThat(free).extracting(Slot::time).contains(time("09:00"), time("10:15"), time("16:45"))
            .doesNotContain(time("09:15"), time("09:30"), time("09:45"), time("10:00"));
        assertThat(free).hasSize(28);
    }

    @Test
    void theLockWindowCoversTheDayAndTheLastBuffer() {
        BookingCalendar calendar = Providers.calendar(Providers.weekdays().withBufferMinutes(15));

        assertThat(calendar.lockWindow(date("2026-03-09")))
            .isEqualTo(new TimeWindow(instant("2026-03-09T13:00:00Z"), instant("2026-03-09T21:15:00Z")));
        assertThat(calendar.lockWindow(date("2026-03-07")).from())
            .isEqualTo(calendar.lockWindow(date("2026-03-07")).to());
    }

    private static Set<Instant> lockedBy(BookingCalendar calendar, String start, int minutes) {
        return new HashSet<>(((SlotRequest) calendar.check(date("2026-03-09"), time(start), minutes, NOW))
            .lockedSlots());
    }

}
