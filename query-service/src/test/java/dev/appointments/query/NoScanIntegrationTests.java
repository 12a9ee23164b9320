package dev.appointments.query;

import java.time.LocalTime;
import java.util.List;

import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.patient.Patient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint, on its happy and unhappy paths, reads by key or index: the service's
 * DynamoDB client never sends a Scan.
 */
class NoScanIntegrationTests extends QueryServiceIntegrationTest {

    @Test
    void noEndpointScansATable() {
        String providerId = newProvider();
        Patient patient = newPatient();
        String requestId = "req-noscan-" + System.nanoTime();
        Appointment appointment = book(providerId, patient.patientId(), TUESDAY, LocalTime.of(9, 0), requestId);
        dynamoDbOperations.clear();

        List<String> paths = List.of("/api/appointments/" + appointment.appointmentId(), "/api/appointments/unknown",
                "/api/appointments?patientId=" + patient.patientId(),
                "/api/appointments?providerId=%s&from=2027-03-01&to=2027-04-01&limit=1".formatted(providerId),
                "/api/appointments?status=REQUESTED&from=2027-03-02&to=2027-03-02&limit=200",
                "/api/appointments?status=CANCELLED", "/api/appointments", "/api/appointments?limit=5",
                "/api/appointment-requests/" + requestId, "/api/appointment-requests/unknown",
                "/api/patients/" + patient.patientId(), "/api/patients/unknown",
                "/api/patients?email=" + patient.email(), "/api/patients?email=unknown@example.com", "/api/patients",
                "/api/providers/" + providerId, "/api/providers/unknown",
                "/api/providers/%s/slots?date=2027-03-02".formatted(providerId),
                "/api/providers/unknown/slots?date=2027-03-02", "/fhir/Appointment/" + appointment.appointmentId(),
                "/fhir/Appointment/unknown", "/fhir/Appointment?patient=Patient/" + patient.patientId(),
                "/fhir/Appointment?patient=%s&date=2027-03-02".formatted(patient.patientId()), "/fhir/Appointment",
                "/fhir/Slot?schedule=Schedule/%s&start=2027-03-03".formatted(providerId),
                "/fhir/Slot?schedule=Schedule/unknown&start=2027-03-03");
        paths.forEach(path -> assertThat(get(path).statusCode()).as(path).isLessThan(500));

        assertThat(dynamoDbOperations.names()).contains("GetItem", "Query").doesNotContain("Scan");
    }

}
