package dev.appointments.query.security;

import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.util.UUID;

import dev.appointments.model.ReasonCode;
import dev.appointments.query.QueryServiceIntegrationTest;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import dev.appointments.store.patient.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.appointments.query.security.AccessAssertions.assertLikeMissing;
import static dev.appointments.query.security.AccessAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reads request outcomes and patient records: a patient its own, schedulers and ops
 * all, providers and admins none; another patient's is a 404 like a missing one.
 */
class RecordAccessIntegrationTests extends QueryServiceIntegrationTest {

    @Autowired
    Outcomes outcomes;

    @Test
    void anOutcomeIsReadByItsPatientAndBySchedulersAndOps() {
        String requestId = "req-" + UUID.randomUUID();
        String patientId = newPatient().patientId();
        book(newProvider(), patientId, TUESDAY, LocalTime.of(10, 0), requestId);
        String path = "/api/appointment-requests/" + requestId;

        assertRefused(getAs(null, path), 401);
        assertRefused(getAs(providerToken("any-provider"), path), 403);
        assertRefused(getAs(demoClientToken("demo-admin"), path), 403);
        assertThat(getAs(patientToken(patientId), path).statusCode()).isEqualTo(200);
        assertThat(getAs(demoClientToken("demo-scheduler"), path).statusCode()).isEqualTo(200);
        assertThat(getAs(demoClientToken("demo-ops"), path).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherPatientsOutcomeIsNotFoundLikeAMissingOne() {
        String requestId = "req-" + UUID.randomUUID();
        book(newProvider(), newPatient().patientId(), TUESDAY, LocalTime.of(10, 0), requestId);
        String other = patientToken(newPatient().patientId());

        assertLikeMissing(getAs(other, "/api/appointment-requests/" + requestId), requestId,
                getAs(other, "/api/appointment-requests/req-never-sent"), "req-never-sent");
    }

    @Test
    void anOutcomeWithoutAppointmentOrPatientIsForSchedulersAndOpsOnly() {
        String requestId = "req-" + UUID.randomUUID();
        outcomes.record(Outcome.rejected(requestId, "RequestAppointment", "f", ReasonCode.SLOT_UNAVAILABLE,
                "The slot is taken.", null, NOW));
        String patient = patientToken(newPatient().patientId());

        assertLikeMissing(getAs(patient, "/api/appointment-requests/" + requestId), requestId,
                getAs(patient, "/api/appointment-requests/req-never-sent"), "req-never-sent");
        assertThat(getAs(demoClientToken("demo-scheduler"), "/api/appointment-requests/" + requestId).statusCode())
            .isEqualTo(200);
    }

    @Test
    void aRefusedBookingIsReadByThePatientItWasForOnly() {
        String requestId = "req-" + UUID.randomUUID();
        String patientId = newPatient().patientId();
        outcomes.record(
                Outcome
                    .rejected(requestId, "RequestAppointment", "f", dev.appointments.model.ReasonCode.SLOT_UNAVAILABLE,
                            "The slot is taken.", null, NOW)
                    .withPatientId(patientId));
        String other = patientToken(newPatient().patientId());

        HttpResponse<String> own = getAs(patientToken(patientId), "/api/appointment-requests/" + requestId);

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("\"reason\":\"SLOT_UNAVAILABLE\"");
        assertLikeMissing(getAs(other, "/api/appointment-requests/" + requestId), requestId,
                getAs(other, "/api/appointment-requests/req-never-sent"), "req-never-sent");
    }

    @Test
    void aPatientRecordIsReadByItsPatientAndBySchedulersAndOps() {
        Patient patient = newPatient();
        String path = "/api/patients/" + patient.patientId();

        assertRefused(getAs(null, path), 401);
        assertRefused(getAs(providerToken("any-provider"), path), 403);
        assertRefused(getAs(demoClientToken("demo-admin"), path), 403);
        assertThat(getAs(patientToken(patient.patientId()), path).statusCode()).isEqualTo(200);
        assertThat(getAs(patientToken(patient.patientId()), "/api/patients?email=" + patient.email()).statusCode())
            .isEqualTo(200);
        assertThat(getAs(demoClientToken("demo-scheduler"), path).statusCode()).isEqualTo(200);
        assertThat(getAs(demoClientToken("demo-ops"), path).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherPatientsRecordIsNotFoundLikeAMissingOne() {
        Patient patient = newPatient();
        String other = patientToken(newPatient().patientId());

        assertLikeMissing(getAs(other, "/api/patients/" + patient.patientId()), patient.patientId(),
                getAs(other, "/api/patients/no-such-patient"), "no-such-patient");
        assertLikeMissing(getAs(other, "/api/patients?email=" + patient.email()), patient.email(),
                getAs(other, "/api/patients?email=nobody-here@example.com"), "nobody-here@example.com");
    }

}
