package dev.appointments.query.security;

import java.net.http.HttpResponse;
import java.time.LocalTime;

import dev.appointments.query.QueryServiceIntegrationTest;
import dev.appointments.store.appointment.Appointment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.appointments.query.security.AccessAssertions.assertLikeMissing;
import static dev.appointments.query.security.AccessAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reads which appointment, over REST and FHIR: patients their own, providers those of
 * their providers, schedulers and ops all; anyone else's is a 404 like a missing one,
 * anyone else's list is empty.
 */
class AppointmentAccessIntegrationTests extends QueryServiceIntegrationTest {

    private String adasPatientId;

    private String gracesPatientId;

    private String adasProvider;

    private String gracesProvider;

    private Appointment adas;

    @BeforeEach
    void twoPatientsWithTwoProviders() {
        adasPatientId = newPatient().patientId();
        gracesPatientId = newPatient().patientId();
        adasProvider = newProvider();
        gracesProvider = newProvider();
        adas = book(adasProvider, adasPatientId, TUESDAY, LocalTime.of(9, 0));
        book(gracesProvider, gracesPatientId, TUESDAY, LocalTime.of(9, 0));
    }

    @Test
    void anAppointmentNeedsATokenWithAReadingRole() {
        String path = "/api/appointments/" + adas.appointmentId();

        assertRefused(getAs(null, path), 401);
        assertRefused(getAs(demoClientToken("demo-admin"), path), 403);
        assertRefused(getAs(null, "/api/appointments?patientId=" + adasPatientId), 401);
        assertRefused(getAs(demoClientToken("demo-admin"), "/api/appointments?patientId=" + adasPatientId), 403);
    }

    @Test
    void eachReaderSeesTheAppointmentsItMay() {
        String path = "/api/appointments/" + adas.appointmentId();

        assertThat(getAs(patientToken(adasPatientId), path).statusCode()).isEqualTo(200);
        assertThat(getAs(providerToken(adasProvider), path).statusCode()).isEqualTo(200);
        assertThat(getAs(demoClientToken("demo-scheduler"), path).statusCode()).isEqualTo(200);
        assertThat(getAs(demoClientToken("demo-ops"), path).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherPatientsOrProvidersAppointmentIsNotFoundLikeAMissingOne() {
        String path = "/api/appointments/" + adas.appointmentId();
        String missing = "/api/appointments/no-such-appointment";

        assertLikeMissing(getAs(patientToken(gracesPatientId), path), adas.appointmentId(),
                getAs(patientToken(gracesPatientId), missing), "no-such-appointment");
        assertLikeMissing(getAs(providerToken(gracesProvider), path), adas.appointmentId(),
                getAs(providerToken(gracesProvider), missing), "no-such-appointment");
    }

    @Test
    void aPatientListsOnlyItsOwnAppointments() {
        String token = patientToken(adasPatientId);

        assertThat(items(getAs(token, "/api/appointments?patientId=" + adasPatientId))).isEqualTo(1);
        assertThat(items(getAs(token, "/api/appointments?patientId=" + gracesPatientId))).isZero();
        assertThat(items(getAs(token, "/api/appointments?providerId=" + adasProvider))).isZero();
        assertThat(items(getAs(token, "/api/appointments?status=REQUESTED"))).isZero();
    }

    @Test
    void aProviderListsOnlyTheAppointmentsOfItsProviders() {
        String token = providerToken(adasProvider);

        assertThat(items(getAs(token, "/api/appointments?providerId=" + adasProvider))).isEqualTo(1);
        assertThat(items(getAs(token, "/api/appointments?providerId=" + gracesProvider))).isZero();
        assertThat(items(getAs(token, "/api/appointments?patientId=" + adasPatientId))).isZero();
        assertThat(items(getAs(token, "/api/appointments?status=REQUESTED"))).isZero();
    }

    @Test
    void schedulersAndOpsListAnything() {
        for (String client : new String[] { "demo-scheduler", "demo-ops" }) {
            String token = demoClientToken(client);
            assertThat(items(getAs(token, "/api/appointments?patientId=" + gracesPatientId))).as(client).isEqualTo(1);
            assertThat(items(getAs(token, "/api/appointments?providerId=" + adasProvider))).as(client).isEqualTo(1);
            assertThat(items(getAs(token, "/api/appointments?status=REQUESTED"))).as(client).isPositive();
        }
    }

    @Test
    void fhirReadsFollowTheSameRules() {
        String path = "/fhir/Appointment/" + adas.appointmentId();
        String missing = "/fhir/Appointment/no-such-appointment";

        assertRefused(getAs(null, path), 401);
        assertRefused(getAs(demoClientToken("demo-admin"), path), 403);
        assertThat(getAs(patientToken(adasPatientId), path).statusCode()).isEqualTo(200);
        assertThat(getAs(providerToken(adasProvider), path).statusCode()).isEqualTo(200);
        assertThat(getAs(demoClientToken("demo-scheduler"), path).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = getAs(patientToken(gracesPatientId), path);
        assertLikeMissing(refused, adas.appointmentId(), getAs(patientToken(gracesPatientId), missing),
                "no-such-appointment");
        assertThat(refused.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
        assertLikeMissing(getAs(providerToken(gracesProvider), path), adas.appointmentId(),
                getAs(providerToken(gracesProvider), missing), "no-such-appointment");
    }

    @Test
    void aFhirSearchFindsOnlyThePatientsOwnAppointments() {
        String own = "/fhir/Appointment?patient=Patient/" + adasPatientId;
        String others = "/fhir/Appointment?patient=Patient/" + gracesPatientId;

        assertRefused(getAs(null, own), 401);
        assertThat(entries(getAs(patientToken(adasPatientId), own))).isEqualTo(1);
        assertThat(entries(getAs(patientToken(adasPatientId), others))).isZero();
        assertThat(entries(getAs(providerToken(adasProvider), own))).isZero();
        assertThat(entries(getAs(demoClientToken("demo-scheduler"), others))).isEqualTo(1);
    }

    private static int items(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("items").size();
    }

    private static int entries(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("entry").size();
    }

}
