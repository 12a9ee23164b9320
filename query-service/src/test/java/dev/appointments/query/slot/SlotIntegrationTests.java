package dev.appointments.query.slot;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import dev.appointments.query.QueryServiceIntegrationTest;
import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.TimeRange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SlotIntegrationTests extends QueryServiceIntegrationTest {

    @Test
    void listsTheFreeSlotsOfADayInLocalTimeAndUtc() {
        String providerId = newProvider();
        book(providerId, newPatient().patientId(), TUESDAY, LocalTime.of(10, 0));

        HttpResponse<String> response = get("/api/providers/%s/slots?date=%s".formatted(providerId, TUESDAY));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("providerId").asString()).isEqualTo(providerId);
        assertThat(body.path("date").asString()).isEqualTo("2027-03-02");
        assertThat(body.path("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(body.path("slotMinutes").asInt()).isEqualTo(15);
        List<String> times = startTimes(body);
        assertThat(times).hasSize(31).startsWith("09:00", "09:15").endsWith("16:45").doesNotContain("10:00");
        JsonNode first = body.path("slots").get(0);
        assertThat(first.path("start").asString()).isEqualTo("2027-03-02T14:00:00Z");
        assertThat(first.path("end").asString()).isEqualTo("2027-03-02T14:15:00Z");
    }

    @Test
    void keepsTheBufferAroundBookedAppointmentsFree() {
        String providerId = newProvider(ProviderRules
            .withDefaults("Buffered", "America/New_York", ProviderRules.mondayToFriday(TimeRange.of("09:00", "17:00")))
            .withBufferMinutes(15));
        book(providerId, newPatient().patientId(), TUESDAY, LocalTime.of(10, 0));

        List<String> times = startTimes(json(get("/api/providers/%s/slots?date=%s".formatted(providerId, TUESDAY))));

        assertThat(times).contains("09:30", "10:30").doesNotContain("09:45", "10:00", "10:15");
    }

    @Test
    void appliesMinimumNoticeAndMaximumAdvance() {
        String providerId = newProvider(ProviderRules
            .withDefaults("Short notice", "America/New_York",
                    ProviderRules.mondayToFriday(TimeRange.of("09:00", "17:00")))
            .withNoticeAndAdvance(Duration.ofHours(3), Duration.ofDays(30)));

        // Now is 07:00 in New York: three hours of notice leave 10:00 as the first slot
        // today.
        assertThat(startTimes(json(get("/api/providers/%s/slots?date=2027-03-01".formatted(providerId))))).first()
            .isEqualTo("10:00");
        assertThat(startTimes(json(get("/api/providers/%s/slots?date=2027-04-15".formatted(providerId))))).isEmpty();
        assertThat(startTimes(json(get("/api/providers/%s/slots?date=2027-02-26".formatted(providerId))))).isEmpty();
    }

    @Test
    void givesUtcInstantsThatFollowDaylightSavingTime() {
        String providerId = newProvider();

        JsonNode after = json(get("/api/providers/%s/slots?date=2027-03-15".formatted(providerId)));

        assertThat(after.path("slots").get(0).path("startTime").asString()).isEqualTo("09:00");
        assertThat(after.path("slots").get(0).path("start").asString()).isEqualTo("2027-03-15T13:00:00Z");
    }

    @Test
    void servesABurstFromMemoryAndSeesNewBookingsAfterTheTtl() {
        String providerId = newProvider();
        String path = "/api/providers/%s/slots?date=%s".formatted(providerId, TUESDAY.plusDays(1));
        dynamoDbOperations.clear();
        for (int i = 0; i < 5; i++) {
            assertThat(get(path).statusCode()).isEqualTo(200);
        }
        assertThat(dynamoDbOperations.names()).containsExactly("GetItem", "Query");

        book(providerId, newPatient().patientId(), TUESDAY.plusDays(1), LocalTime.of(9, 0));

        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(startTimes(json(get(path)))).first().isEqualTo("09:15"));
    }

    @Test
    void returnsAProviderWithItsRulesAndVersionTag() {
        String providerId = newProvider();

        HttpResponse<String> response = get("/api/providers/" + providerId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode body = json(response);
        assertThat(body.path("providerId").asString()).isEqualTo(providerId);
        assertThat(body.path("rules").path("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(body.path("rules").path("minimumNotice").asString()).isEqualTo("PT24H");
        assertThat(get("/api/providers/" + providerId, "If-None-Match", "\"1\"").statusCode()).isEqualTo(304);
        assertProblem(get("/api/providers/no-such-provider"), 404, "no-such-provider");
    }

    @Test
    void answersNotFoundForAnUnknownProviderAndBadRequestForABadDate() {
        String providerId = newProvider();
        assertProblem(get("/api/providers/no-such-provider/slots?date=2027-03-02"), 404, "no-such-provider");
        assertProblem(get("/api/providers/%s/slots".formatted(providerId)), 400, "date");
        assertProblem(get("/api/providers/%s/slots?date=2027-13-01".formatted(providerId)), 400, "date (YYYY-MM-DD)");
        assertProblem(get("/api/providers/%s/slots?date=tomorrow".formatted(providerId)), 400, "'tomorrow'");
    }

    private static List<String> startTimes(JsonNode body) {
        return body.path("slots").valueStream().map(slot -> slot.path("startTime").asString()).toList();
    }

}
