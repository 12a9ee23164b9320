package dev.appointments.request;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import dev.appointments.rules.DateOverride;
import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.TimeRange;
import org.junit.jupiter.api.Test;

import static dev.appointments.request.BookingIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake with {@code Prefer: wait=N} (RFC 7240): the answer waits for the outcome, so
 * a client learns at once whether it got the slot: 201 with the appointment's URL, 409
 * when the slot is taken, 422 for other refusals; 202 as before when it did not ask to
 * wait.
 */
class IntakeWaitIntegrationTests extends RequestServiceIntegrationTest {

    private static final String WEDNESDAY = "2027-03-03";

    @Test
    void aFreeSlotIsAnsweredCreatedWithTheAppointmentsUrl() throws Exception {
        String provider = newProvider(true);
        String requestId = newRequestId();

        HttpResponse<String> response = post(
                requestAppointment(requestId, provider, unique("wait"), WEDNESDAY, "10:00", null), "wait=10");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Preference-Applied")).hasValue("wait=10");
        String appointmentId = outcomes.find(requestId).orElseThrow().appointmentId();
        assertThat(response.headers().firstValue("Location"))
            .hasValue("http://127.0.0.1:8080/api/appointments/" + appointmentId);
        assertThat(response.headers().firstValue("Content-Location"))
            .hasValue("http://127.0.0.1:8080/api/appointment-requests/" + requestId);
        assertThat(response.body())
            .contains("\"status\":\"ACCEPTED\"", "\"appointmentId\":\"" + appointmentId + "\"",
                    "\"requestId\":\"" + requestId + "\"")
            .doesNotContain("fingerprint");
    }

    @Test
    void aTakenSlotIsAConflictProblem() throws Exception {
        String provider = newProvider(true);
        assertThat(
                post(requestAppointment(newRequestId(), provider, unique("first"), WEDNESDAY, "11:00", null), "wait=10")
                    .statusCode())
            .isEqualTo(201);
        String secondId = newRequestId();

        HttpResponse<String> response = post(
                requestAppointment(secondId, provider, unique("second"), WEDNESDAY, "11:00", null), "wait=10");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Preference-Applied")).hasValue("wait=10");
        assertThat(response.body()).contains("\"reason\":\"SLOT_UNAVAILABLE\"", "\"requestId\":\"" + secondId + "\"",
                "\"status\":409");
        assertThat(appointmentsOf(provider)).hasSize(1);
    }

    @Test
    void aClosedDayIsAnUnprocessableProblemWithTheReason() throws Exception {
        String provider = newProvider(ProviderRules
            .withDefaults("Closed on Wednesday", "America/New_York",
                    ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 0))))
            .withDateOverrides(List.of(new DateOverride(LocalDate.parse(WEDNESDAY), true, List.of())))
            .withConfirmation(true, Duration.ofMinutes(15)));

        HttpResponse<String> response = post(
                requestAppointment(newRequestId(), provider, unique("closed"), WEDNESDAY, "10:00", null), "wait=10");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"reason\":\"OUTSIDE_SCHEDULE\"");
        assertThat(appointmentsOf(provider)).isEmpty();
    }

    @Test
    void withoutPreferTheAnswerIsAcceptedAtOnce() throws Exception {
        String provider = newProvider(true);
        String requestId = newRequestId();

        HttpResponse<String> response = post(
                requestAppointment(requestId, provider, unique("plain"), WEDNESDAY, "12:00", null), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Preference-Applied")).isEmpty();
        assertThat(response.headers().firstValue("Location"))
            .hasValue("http://127.0.0.1:8080/api/appointment-requests/" + requestId);
        assertThat(response.body()).contains("\"status\":\"QUEUED\"");
        awaitOutcome(requestId);
    }

    @Test
    void theSameRequestAgainGetsTheSameAnswerAndALongWaitIsCapped() throws Exception {
        String provider = newProvider(true);
        String requestId = newRequestId();
        String body = requestAppointment(requestId, provider, unique("again"), WEDNESDAY, "13:00", null);
        HttpResponse<String> first = post(body, "respond-async, wait=\"60\"");

        HttpResponse<String> again = post(body, "wait=5");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Preference-Applied")).hasValue("wait=20");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(appointmentsOf(provider)).hasSize(1);
    }

    @Test
    void aRequestIdReusedForAnotherBookingDoesNotShowTheFirstOutcome() throws Exception {
        String provider = newProvider(true);
        String requestId = newRequestId();
        assertThat(post(requestAppointment(requestId, provider, unique("one"), WEDNESDAY, "14:00", null), "wait=10")
            .statusCode()).isEqualTo(201);

        HttpResponse<String> reused = post(
                requestAppointment(requestId, provider, unique("two"), WEDNESDAY, "15:00", null), "wait=10");

        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(422);
        assertThat(reused.body()).contains("\"reason\":\"DUPLICATE_REQUEST_ID\"").doesNotContain("appointmentId");
    }

    @Test
    void aPatientBookingForItselfWaitsToo() throws Exception {
        String provider = newProvider(true);
        String scheduler = schedulerToken();
        String firstId = newRequestId();
        HttpResponse<String> registered = post(scheduler,
                requestAppointment(firstId, provider, unique("self"), WEDNESDAY, "09:00", null), "wait=10");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String patientId = appointmentsOf(provider).getFirst().get("patientId").s();

        HttpResponse<String> own = post(patientToken(patientId),
                """
                        {"requestId": "%s", "providerId": "%s", "patientId": "%s", "appointmentDate": "%s", "startTime": "09:30"}
                        """
                    .formatted(newRequestId(), provider, patientId, WEDNESDAY),
                "wait=10");

        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    }

    private HttpResponse<String> post(String json, String prefer) throws Exception {
        return post(schedulerToken(), json, prefer);
    }

    private HttpResponse<String> post(String token, String json, String prefer) throws Exception {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + port + "/api/appointment-requests"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(40))
            .POST(HttpRequest.BodyPublishers.ofString(json));
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
