package dev.appointments.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RulesValidatorTests {

    @Test
    void acceptsTheDemoProvider() {
        assertThat(Providers.weekdays().validate()).isEmpty();
    }

    @Test
    void acceptsTouchingRangesAndAnEndAtMidnight() {
        ProviderRules rules = withMonday(TimeRange.of("09:00", "12:00"), TimeRange.of("12:00", "13:00"),
                TimeRange.of("20:00", "00:00"));

        assertThat(rules.validate()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = { 5, 10, 15, 20, 30, 45, 60, 90, 120, 240 })
    void acceptsSlotLengthsThatTileADay(int minutes) {
        ProviderRules rules = ProviderRules.withDefaults("Demo", Providers.NEW_YORK, Map.of()).withSlotMinutes(minutes);

        assertThat(rules.validate()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = { -15, 0, 4, 7, 25, 50, 241, 480 })
    void refusesSlotLengthsOutsideFiveToTwoFortyOrNotTilingADay(int minutes) {
        ProviderRules rules = ProviderRules.withDefaults("Demo", Providers.NEW_YORK, Map.of()).withSlotMinutes(minutes);

        assertThat(rules.validate()).extracting(RuleViolation::field).containsExactly("slotMinutes");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Mars/Olympus", "+02:00", "GMT+2", "EST5", "" })
    void refusesWhatIsNotAnIanaZone(String zone) {
        ProviderRules rules = ProviderRules.withDefaults("Demo", zone, Map.of());

        assertThat(rules.validate()).extracting(RuleViolation::field).containsExactly("timeZone");
    }

    @Test
    void namesEveryBadRangeByItsPath() {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        hours.put(DayOfWeek.MONDAY, List.of(TimeRange.of("09:00", "12:00"), TimeRange.of("11:00", "13:00")));
        hours.put(DayOfWeek.TUESDAY, List.of(TimeRange.of("12:00", "09:00")));
        hours.put(DayOfWeek.WEDNESDAY, List.of(TimeRange.of("09:10", "12:00")));
        hours.put(DayOfWeek.THURSDAY,
                Arrays.asList(TimeRange.of("13:00", "17:00"), TimeRange.of("09:00", "12:00"), null));
        hours.put(DayOfWeek.FRIDAY, List.of(new TimeRange(LocalTime.of(9, 0, 30), LocalTime.of(12, 0))));

        List<RuleViolation> violations = ProviderRules.withDefaults("Demo", Providers.NEW_YORK, hours).validate();

        assertThat(violations).extracting(RuleViolation::field)
            .containsExactly("weeklyHours.MONDAY[1]", "weeklyHours.TUESDAY[0]", "weeklyHours.WEDNESDAY[0].start",
                    "weeklyHours.THURSDAY[1]", "weeklyHours.THURSDAY[2]", "weeklyHours.FRIDAY[0].start");
        assertThat(violations.get(2).message()).contains("15-minute slot grid");
    }

    @Test
    void namesEveryBadOverrideByItsPath() {
        List<DateOverride> overrides = List.of(
                new DateOverride(Providers.date("2026-12-24"), true, List.of(TimeRange.of("09:00", "12:00"))),
                DateOverride.closedOn(Providers.date("2026-12-24")),
                new DateOverride(Providers.date("2026-12-26"), false, List.of()),
                DateOverride.openOn(Providers.date("2026-12-27"), TimeRange.of("10:00", "10:05")),
                new DateOverride(null, true, null));

        List<RuleViolation> violations = Providers.weekdays().withDateOverrides(overrides).validate();

        assertThat(violations).extracting(RuleViolation::field)
            .containsExactly("dateOverrides[0].hours", "dateOverrides[1].date", "dateOverrides[2].hours",
                    "dateOverrides[3].hours[0].end", "dateOverrides[4].date");
    }

    @Test
    void refusesNegativeOrUnusableDurationsAndBuffers() {
        ProviderRules rules = Providers.weekdays()
            .withNoticeAndAdvance(Duration.ofHours(-1), Duration.ofDays(4000))
            .withBufferMinutes(-5)
            .withConfirmation(false, Duration.ZERO)
            .withCancellationNotice(Duration.ofMinutes(-30));

        assertThat(rules.validate()).extracting(RuleViolation::field)
            .containsExactly("minimumNotice", "maximumAdvance", "confirmationTimeout", "cancellationNotice",
                    "bufferMinutes");
    }

    @Test
    void refusesAnAdvanceNoLongerThanTheNotice() {
        ProviderRules rules = Providers.weekdays().withNoticeAndAdvance(Duration.ofDays(2), Duration.ofDays(2));

        assertThat(rules.validate()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("maximumAdvance");
            assertThat(violation.message()).contains("minimumNotice");
        });
    }

    @Test
    void refusesABlankName() {
        ProviderRules rules = ProviderRules.withDefaults(" ", Providers.NEW_YORK, Map.of());

        assertThat(rules.validate()).extracting(RuleViolation::field).containsExactly("name");
    }

    @Test
    void calendarOfInvalidRulesNamesTheFields() {
        ProviderRules rules = ProviderRules.withDefaults("Demo", "Mars/Olympus", Map.of()).withSlotMinutes(7);

        assertThatIllegalArgumentException().isThrownBy(() -> BookingCalendar.of(rules))
            .withMessageContaining("timeZone")
            .withMessageContaining("slotMinutes");
    }

    private static ProviderRules withMonday(TimeRange... ranges) {
        return ProviderRules.withDefaults("Demo", Providers.NEW_YORK, Map.of(DayOfWeek.MONDAY, List.of(ranges)));
    }

}
