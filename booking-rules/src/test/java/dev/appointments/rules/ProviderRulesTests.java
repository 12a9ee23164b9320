package dev.appointments.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ProviderRulesTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void absentFieldsTakeTheirDefaults() {
        ProviderRules rules = json.readValue("""
                {"name": "Dr Grey", "timeZone": "America/New_York",
                 "weeklyHours": {"MONDAY": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}]}}
                """, ProviderRules.class);

        assertThat(rules.slotMinutes()).isEqualTo(15);
        assertThat(rules.minimumNotice()).isEqualTo(Duration.ofHours(24));
        assertThat(rules.maximumAdvance()).isEqualTo(Duration.ofDays(90));
        assertThat(rules.bufferMinutes()).isZero();
        assertThat(rules.autoConfirm()).isFalse();
        assertThat(rules.confirmationTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(rules.cancellationNotice()).isEqualTo(Duration.ZERO);
        assertThat(rules.dateOverrides()).isEmpty();
        assertThat(rules.weeklyHours().get(DayOfWeek.MONDAY)).containsExactly(TimeRange.of("09:00", "12:00"),
                TimeRange.of("13:00", "17:00"));
        assertThat(rules.validate()).isEmpty();
    }

    @Test
    void explicitValuesAreKeptEvenWhenInvalid() {
        ProviderRules rules = json.readValue("""
                {"name": "Dr Grey", "timeZone": "America/New_York", "slotMinutes": 0, "bufferMinutes": 10,
                 "autoConfirm": true, "minimumNotice": "PT2H", "maximumAdvance": "P30D",
                 "confirmationTimeout": "PT1H", "cancellationNotice": "PT12H",
                 "dateOverrides": [{"date": "2026-12-24", "closed": true}]}
                """, ProviderRules.class);

        assertThat(rules.slotMinutes()).isZero();
        assertThat(rules.bufferMinutes()).isEqualTo(10);
        assertThat(rules.autoConfirm()).isTrue();
        assertThat(rules.minimumNotice()).isEqualTo(Duration.ofHours(2));
        assertThat(rules.maximumAdvance()).isEqualTo(Duration.ofDays(30));
        assertThat(rules.cancellationNotice()).isEqualTo(Duration.ofHours(12));
        assertThat(rules.dateOverrides()).containsExactly(DateOverride.closedOn(Providers.date("2026-12-24")));
        assertThat(rules.validate()).extracting(RuleViolation::field).containsExactly("slotMinutes");
    }

    @Test
    void writesTimesAsHourMinuteAndDurationsAsIsoTextAndReadsThemBack() {
        ProviderRules rules = Providers.weekdays()
            .withDateOverrides(
                    List.of(DateOverride.openOn(Providers.date("2026-12-26"), TimeRange.of("20:00", "00:00"))));

        String body = json.writeValueAsString(rules);

        assertThat(body).contains("\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}]")
            .contains("\"minimumNotice\":\"PT24H\"")
            .contains("\"maximumAdvance\":\"PT2160H\"")
            .contains("\"confirmationTimeout\":\"PT15M\"")
            .contains("{\"date\":\"2026-12-26\",\"closed\":false,\"hours\":[{\"start\":\"20:00\",\"end\":\"00:00\"}]}");
        assertThat(json.readValue(body, ProviderRules.class)).isEqualTo(rules);
    }

    @Test
    void readsADurationGivenAsABareNumberAsSeconds() {
        // Jackson 3 takes numbers for durations even when not lenient; documented rather
        // than fought.
        ProviderRules rules = json.readValue("""
                {"name": "Dr Grey", "timeZone": "America/New_York", "minimumNotice": 86400}
                """, ProviderRules.class);

        assertThat(rules.minimumNotice()).isEqualTo(Duration.ofHours(24));
    }

}
