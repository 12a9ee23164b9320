package dev.appointments.query.patient;

import java.net.http.HttpResponse;

import dev.appointments.query.QueryServiceIntegrationTest;
import dev.appointments.store.patient.Patient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PatientIntegrationTests extends QueryServiceIntegrationTest {

    @Test
    void returnsAPatientById() {
        Patient patient = newPatient();

        HttpResponse<String> response = get("/api/patients/" + patient.patientId());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("patientId").asString()).isEqualTo(patient.patientId());
        assertThat(body.path("firstName").asString()).isEqualTo("Ada");
        assertThat(body.path("lastName").asString()).isEqualTo("Lovelace");
        assertThat(body.path("email").asString()).isEqualTo(patient.email());
        assertThat(body.path("phone").asString()).isEqualTo("+15551234567");
        assertThat(body.path("dateOfBirth").asString()).isEqualTo("1990-12-10");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/api/patients/" + patient.patientId(), "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void findsAPatientByEmailWhateverItsCase() {
        Patient patient = newPatient();

        HttpResponse<String> response = get("/api/patients?email=" + patient.email().toUpperCase());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("patientId").asString()).isEqualTo(patient.patientId());
        assertThat(response.headers().firstValue("Content-Location")).hasValue("/api/patients/" + patient.patientId());
        assertThat(response.headers().firstValue("ETag"))
            .isEqualTo(get("/api/patients/" + patient.patientId()).headers().firstValue("ETag"));
    }

    @Test
    void answersNotFoundForAnUnknownPatientOrAddress() {
        assertProblem(get("/api/patients/no-such-patient"), 404, "no-such-patient");
        HttpResponse<String> byEmail = get("/api/patients?email=nobody-here@example.com");
        assertProblem(byEmail, 404, "No patient has this e-mail address");
        assertThat(byEmail.body()).doesNotContain("nobody-here");
    }

    @Test
    void refusesALookupWithoutAnAddress() {
        assertProblem(get("/api/patients"), 400, "by e-mail");
        assertProblem(get("/api/patients?email="), 400, "e-mail address");
        assertProblem(get("/api/patients?email=not-an-address"), 400, "e-mail address");
    }

}
