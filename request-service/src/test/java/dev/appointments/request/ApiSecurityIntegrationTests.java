package dev.appointments.request;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.store.outcome.OutcomeStatus;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.appointments.request.BookingIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call the request-service, with tokens from the local authorization server:
 * intake for patients (for themselves) and schedulers, provider administration for
 * admins, actuator beyond health for ops; and the abuse limits of the real service (413
 * for a large body, 429 past the intake rate).
 */
class ApiSecurityIntegrationTests extends RequestServiceIntegrationTest {

    private static final String RULES = """
            {"name": "Dr Who", "timeZone": "Europe/London",
             "weeklyHours": {"MONDAY": [{"start": "09:00", "end": "17:00"}]}}""";

    @Autowired
    Patients patients;

    @Test
    void intakeRefusesARequestWithoutTokenAndAWrongRole() throws Exception {
        String body = requestAppointment(newRequestId(), "dr-x", unique("anon"), "2027-03-03", "15:00", null);

        assertProblem(httpPost(null, "/api/appointment-requests", body), 401);
        assertProblem(httpPost(adminToken(), "/api/appointment-requests", body), 403);
        assertProblem(httpPost(demoClientToken("demo-provider"), "/api/appointment-requests", body), 403);
        assertProblem(httpPost(demoClientToken("demo-ops"), "/api/appointment-requests", body), 403);
    }

    @Test
    void aPatientBooksForItselfByItsPatientId() throws Exception {
        String patientId = newPatient();
        String provider = newProvider(true);
        String requestId = newRequestId();

        HttpResponse<String> response = httpPost(patientToken(patientId), "/api/appointment-requests",
                byPatientId(requestId, provider, patientId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(awaitOutcome(requestId).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(appointmentsOf(provider)).singleElement()
            .satisfies(item -> assertThat(item.get("patientId").s()).isEqualTo(patientId));
    }

    @Test
    void aPatientCannotBookForAnotherPatientNorWithPatientDetails() throws Exception {
        String patientId = newPatient();
        String otherPatientId = newPatient();
        String provider = newProvider(true);
        String forOther = newRequestId();
        String withDetails = newRequestId();

        HttpResponse<String> other = httpPost(patientToken(patientId), "/api/appointment-requests",
                byPatientId(forOther, provider, otherPatientId));
        HttpResponse<String> details = httpPost(patientToken(patientId), "/api/appointment-requests",
                requestAppointment(withDetails, provider, unique("details"), "2027-03-03", "15:00", null));

        assertProblem(other, 403);
        assertThat(other.body()).contains("only for itself");
        assertProblem(details, 403);
        assertThat(details.body()).contains("only a scheduler");
    }

    @Test
    void aSchedulerBooksForAnyPatient() throws Exception {
        String patientId = newPatient();
        String requestId = newRequestId();

        HttpResponse<String> response = httpPost(schedulerToken(), "/api/appointment-requests",
                byPatientId(requestId, newProvider(true), patientId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(awaitOutcome(requestId).status()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    @Test
    void onlyAnAdminManagesProviders() throws Exception {
        String path = "/api/providers/dr-who-" + UUID.randomUUID();

        assertProblem(httpPut(null, path, RULES), 401);
        assertProblem(httpGet(null, path), 401);
        for (String token : List.of(schedulerToken(), demoClientToken("demo-provider"), demoClientToken("demo-ops"),
                patientToken("p-" + UUID.randomUUID()))) {
            assertProblem(httpPut(token, path, RULES), 403);
            assertProblem(httpGet(token, path), 403);
        }
        assertThat(httpPut(adminToken(), path, RULES).statusCode()).isEqualTo(201);
        assertThat(httpGet(adminToken(), path).statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsOpenAndTheOtherActuatorEndpointsNeedOps() throws Exception {
        assertThat(httpGet(null, "/actuator/health").statusCode()).isEqualTo(200);
        assertProblem(httpGet(null, "/actuator/prometheus"), 401);
        assertProblem(httpGet(adminToken(), "/actuator/prometheus"), 403);
        assertThat(httpGet(demoClientToken("demo-ops"), "/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void answersABodyOverTheLimitWith413BeforeReadingIt() throws Exception {
        String notes = "x".repeat(70 * 1024);
        String body = requestAppointment(newRequestId(), "dr-x", unique("big"), "2027-03-03", "15:00", null)
            .replace("first visit", notes);

        HttpResponse<String> response = httpPost(schedulerToken(), "/api/appointment-requests", body);

        assertProblem(response, 413);
    }

    @Test
    void limitsTheIntakeRatePerClientWith429AndRetryAfter() throws Exception {
        String busy = LocalAuthServer.shared()
            .testClientToken("busy-scheduler-" + UUID.randomUUID(), List.of("scheduler"), null, List.of());
        HttpResponse<String> response = null;
        int sent = 0;
        while (sent < 100) {
            sent++;
            response = httpPost(busy, "/api/appointment-requests", "{}");
            if (response.statusCode() == 429) {
                break;
            }
            assertThat(response.statusCode()).isEqualTo(400);
        }

        assertProblem(response, 429);
        assertThat(sent).isGreaterThan(1);
        assertThat(response.headers().firstValue("Retry-After"))
            .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        // Another client is not held back by this one.
        assertThat(httpPost(schedulerToken(), "/api/appointment-requests", "{}").statusCode()).isEqualTo(400);
    }

    private String newPatient() {
        return patients
            .findOrCreate(
                    new Patient(null, "Ada", "Lovelace", unique("patient"), null, LocalDate.parse("1990-12-10"), NOW))
            .patientId();
    }

    private static String byPatientId(String requestId, String providerId, String patientId) {
        return """
                {"requestId": "%s", "providerId": "%s", "patientId": "%s",
                 "appointmentDate": "2027-03-03", "startTime": "15:00"}""".formatted(requestId, providerId, patientId);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

}
