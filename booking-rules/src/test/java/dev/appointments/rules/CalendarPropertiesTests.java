package dev.appointments.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties checked over every combination of zones with hourly, half-hourly and no
 * daylight-saving changes, slot lengths that do and do not divide an hour, and dates that
 * include the changes; pairs and ranges come from a fixed seed, so that a failure can be
 * replayed.
 */
class CalendarPropertiesTests {

    private static final List<String> ZONES = List.of("America/New_York", "Europe/London", "Australia/Lord_Howe",
            "America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham", "UTC");

    private static final List<Integer> SLOTS = List.of(5, 10, 15, 30, 45, 60, 90, 120);

    private static final List<List<TimeRange>> DAYS = List.of(List.of(TimeRange.of("00:00", "00:00")),
            List.of(TimeRange.of("00:00", "06:00")), List.of(TimeRange.of("00:00", "03:00")),
            List.of(TimeRange.of("01:30", "04:30")),
            List.of(TimeRange.of("06:00", "12:00"), TimeRange.of("13:30", "18:00")));

    /** Days when one of the zones changes its clocks, and ordinary days around them. */
    private static final List<LocalDate> DATES = Stream
        .of("2026-03-08", "2026-03-29", "2026-04-04", "2026-04-05", "2026-09-27", "2026-10-04", "2026-10-25",
                "2026-11-01", "2026-01-15", "2026-06-30", "2026-12-31")
        .map(LocalDate::parse)
        .toList();

    static Stream<Arguments> zonesAndSlots() {
        return ZONES.stream().flatMap(zone -> SLOTS.stream().map(slot -> Arguments.of(zone, slot)));
    }

    @ParameterizedTest(name = "{0}, {1}-minute slots")
    @MethodSource("zonesAndSlots")
    void everySlotOfTheGridPassesTheBookingCheckWhenNoticeAndAdvanceAllow(String zone, int slot) {
        for (BookingCalendar calendar : calendars(zone, slot, 0)) {
            for (LocalDate date : DATES) {
                Instant now = date.atStartOfDay(calendar.zone()).toInstant().minus(Duration.ofDays(30));
                for (Slot offered : calendar.slots(date)) {
                    BookingDecision decision = calendar.check(date, offered.time(), null, now);

                    assertThat(decision).as("%s in %s", offered, calendar.rules().weeklyHours())
                        .isEqualTo(new SlotRequest(offered.start(), offered.end(), offered.end()));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}-minute slots")
    @MethodSource("zonesAndSlots")
    void blockedTimesOverlapExactlyWhenTwoAppointmentsOfAnyGridComeCloserThanTheirBuffers(String zone, int slot) {
        // The earlier appointment was booked on a 15-minute grid with its own buffer;
        // rules change in between.
        Random random = new Random(zone.hashCode() * 31L + slot);
        BookingCalendar before = calendars(zone, 15, 10).getFirst();
        for (int buffer : List.of(0, 10, 15, 50)) {
            BookingCalendar calendar = calendars(zone, slot, buffer).getFirst();
            SlotGrid grid = new SlotGrid(calendar.rules());
            SlotGrid earlierGrid = new SlotGrid(before.rules());
            for (LocalDate date : DATES) {
                Instant dayStart = date.atStartOfDay(calendar.zone()).toInstant();
                List<Instant> instants = grid.instantsBetween(dayStart.minus(Duration.ofHours(6)),
                        dayStart.plus(Duration.ofDays(2)));
                List<Instant> earlier = earlierGrid.instantsBetween(dayStart.minus(Duration.ofHours(6)),
                        dayStart.plus(Duration.ofDays(2)));
                for (int pair = 0; pair < 25; pair++) {
                    Instant a = earlier.get(random.nextInt(Math.min(earlier.size(), 200)));
                    Instant b = instants.get(random.nextInt(Math.min(instants.size(), 200)));
                    Duration aLength = Duration.ofMinutes(15L * (1 + random.nextInt(6)));
                    Duration bLength = grid.slotLength().multipliedBy(1 + random.nextInt(6));
                    boolean tooClose = a.isBefore(b.plus(bLength).plus(calendar.effectiveBuffer()))
                            && b.isBefore(a.plus(aLength).plus(before.effectiveBuffer()));

                    assertThat(before.blockedTime(a, aLength).overlaps(calendar.blockedTime(b, bLength)))
                        .as("%s for %s and %s for %s, buffer %d", a, aLength, b, bLength, buffer)
                        .isEqualTo(tooClose);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}-minute slots")
    @MethodSource("zonesAndSlots")
    void theShortcutForAFixedOffsetFindsTheSameGridInstantsAsTheWalk(String zone, int slot) {
        Random random = new Random(zone.hashCode() * 17L + slot);
        SlotGrid grid = new SlotGrid(calendars(zone, slot, 0).getFirst().rules());
        for (LocalDate date : DATES) {
            for (int range = 0; range < 25; range++) {
                Instant from = date.atStartOfDay(grid.zone())
                    .toInstant()
                    .plus(Duration.ofSeconds(random.nextInt(48 * 3600)));
                Instant to = from.plus(Duration.ofMinutes(random.nextInt(12 * 60)));

                assertThat(grid.instantsBetween(from, to)).as("[%s, %s)", from, to)
                    .isEqualTo(grid.acrossTransitions(from, to));
            }
        }
    }

    /**
     * A calendar per kind of day that is valid with this slot length, open every day of
     * the week.
     */
    private static List<BookingCalendar> calendars(String zone, int slot, int buffer) {
        List<BookingCalendar> calendars = new ArrayList<>();
        for (List<TimeRange> day : DAYS) {
            Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek weekday : DayOfWeek.values()) {
                hours.put(weekday, day);
            }
            ProviderRules rules = ProviderRules.withDefaults("Property", zone, hours)
                .withSlotMinutes(slot)
                .withBufferMinutes(buffer);
            if (rules.validate().isEmpty()) {
                calendars.add(BookingCalendar.of(rules));
            }
        }
        return calendars;
    }

}
