package dev.appointments.request;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import dev.appointments.resources.Queues;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.appointments.request.BookingIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET}/{@code PUT /api/patients/me}: a signed-in patient without a record creates
 * it under its token's patient id and then books by that id; updates are conditional, and
 * an e-mail address stays unique.
 */
class PatientRecordIntegrationTests extends RequestServiceIntegrationTest {

    @Autowired
    Patients patients;

    /**
     * Nothing consumes appointment-confirmations in these tests: empty it, so that the
     * facts of these bookings do not bury those that other test classes look for.
     */
    @AfterEach
    void leaveTheConfirmationsQueueEmpty() {
        String url = queueUrl(Queues.APPOINTMENT_CONFIRMATIONS);
        engines.sqs().purgeQueue(request -> request.queueUrl(url));
    }

    @Test
    void aNewPatientCreatesItsRecordAndThenBooksByItsOwnId() throws Exception {
        String patientId = "signed-up-" + UUID.randomUUID();
        String token = patientToken(patientId);
        assertProblem(get(token), 404);

        HttpResponse<String> created = put(token, details("Ada", unique("me")), null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).isPresent();
        assertThat(created.body()).contains("\"patientId\":\"" + patientId + "\"", "\"firstName\":\"Ada\"");
        HttpResponse<String> read = get(token);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).isEqualTo(created.headers().firstValue("ETag"));
        HttpResponse<String> booked = book(token, patientId, newProvider(true), "2027-03-03", "10:00");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
    }

    @Test
    void anUpdateNeedsTheCurrentETagWhenItGivesOne() throws Exception {
        String token = patientToken("updating-" + UUID.randomUUID());
        String email = unique("update");
        String firstTag = put(token, details("Ada", email), null).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> updated = put(token, details("Augusta", email), firstTag);
        HttpResponse<String> stale = put(token, details("Grace", email), firstTag);

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(updated.body()).contains("\"firstName\":\"Augusta\"");
        assertThat(updated.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(firstTag));
        assertProblem(stale, 412);
        assertThat(get(token).body()).contains("\"firstName\":\"Augusta\"");
    }

    @Test
    void anotherPatientsEmailAddressIsAConflictNamingTheField() throws Exception {
        String taken = unique("taken");
        patients.findOrCreate(new Patient(null, "Grace", "Hopper", taken, null, LocalDate.parse("1906-12-09"), NOW));
        String token = patientToken("conflicting-" + UUID.randomUUID());

        HttpResponse<String> onCreate = put(token, details("Ada", taken), null);
        String mine = unique("mine");
        assertThat(put(token, details("Ada", mine), null).statusCode()).isEqualTo(201);
        HttpResponse<String> onUpdate = put(token, details("Ada", taken.toUpperCase()), null);

        assertProblem(onCreate, 409);
        assertThat(onCreate.body()).contains("\"field\":\"email\"").doesNotContain(taken);
        assertProblem(onUpdate, 409);
        assertThat(get(token).body()).contains(mine.toLowerCase());
    }

    @Test
    void invalidDetailsAreNamedAndOnlyPatientsHaveARecord() throws Exception {
        String token = patientToken("invalid-" + UUID.randomUUID());

        HttpResponse<String> invalid = put(token, """
                {"firstName": "", "lastName": "Lovelace", "email": "not-an-address", "dateOfBirth": "2999-01-01"}""",
                null);

        assertProblem(invalid, 400);
        assertThat(invalid.body()).contains("firstName", "email", "dateOfBirth");
        assertProblem(get(schedulerToken()), 403);
        assertProblem(put(schedulerToken(), details("Ada", unique("s")), null), 403);
    }

    @Test
    void createOnlyRefusesAnExistingRecord() throws Exception {
        String token = patientToken("create-only-" + UUID.randomUUID());
        String body = details("Ada", unique("once"));
        assertThat(put(token, body, null, "*").statusCode()).isEqualTo(201);

        assertProblem(put(token, body, null, "*"), 412);
    }

    @Test
    void aRefusedBookingNamesThePatientItWasFor() throws Exception {
        String patientId = "refused-" + UUID.randomUUID();
        String token = patientToken(patientId);
        put(token, details("Ada", unique("refused")), null);
        String requestId = newRequestId();

        HttpResponse<String> refused = httpPostWait(token, """
                {"requestId": "%s", "providerId": "%s", "patientId": "%s", "appointmentDate": "2027-03-06",
                 "startTime": "10:00"}""".formatted(requestId, newProvider(true), patientId));

        assertProblem(refused, 422);
        Outcome outcome = outcomes.find(requestId).orElseThrow();
        assertThat(outcome.appointmentId()).isNull();
        assertThat(outcome.patientId()).isEqualTo(patientId);
    }

    private static String details(String firstName, String email) {
        return """
                {"firstName": "%s", "lastName": "Lovelace", "email": "%s", "phone": "+15551234567",
                 "dateOfBirth": "1990-12-10"}""".formatted(firstName, email);
    }

    private HttpResponse<String> book(String token, String patientId, String provider, String date, String time)
            throws Exception {
        return httpPostWait(token,
                """
                        {"requestId": "%s", "providerId": "%s", "patientId": "%s", "appointmentDate": "%s", "startTime": "%s"}"""
                    .formatted(newRequestId(), provider, patientId, date, time));
    }

    private HttpResponse<String> httpPostWait(String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/appointment-requests"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Prefer", "wait=10")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token) throws Exception {
        return httpGet(token, "/api/patients/me");
    }

    private HttpResponse<String> put(String token, String json, String ifMatch) throws Exception {
        return put(token, json, ifMatch, null);
    }

    private HttpResponse<String> put(String token, String json, String ifMatch, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + port + "/api/patients/me"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

}
