package dev.appointments.query.fhir;

import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import dev.appointments.query.QueryServiceIntegrationTest;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class FhirIntegrationTests extends QueryServiceIntegrationTest {

    private static final FhirContext FHIR = FhirContext.forR4();

    /** How each status is reached from REQUESTED, and what FHIR calls it. */
    private static final Map<AppointmentStatus, List<AppointmentStatus>> PATHS = Map.of(AppointmentStatus.REQUESTED,
            List.of(), AppointmentStatus.CONFIRMED, List.of(AppointmentStatus.CONFIRMED), AppointmentStatus.COMPLETED,
            List.of(AppointmentStatus.CONFIRMED, AppointmentStatus.COMPLETED), AppointmentStatus.NO_SHOW,
            List.of(AppointmentStatus.CONFIRMED, AppointmentStatus.NO_SHOW), AppointmentStatus.DECLINED,
            List.of(AppointmentStatus.DECLINED), AppointmentStatus.EXPIRED, List.of(AppointmentStatus.EXPIRED),
            AppointmentStatus.CANCELLED, List.of(AppointmentStatus.CONFIRMED, AppointmentStatus.CANCELLED));

    private static final Map<AppointmentStatus, String> FHIR_STATUS = Map.of(AppointmentStatus.REQUESTED, "pending",
            AppointmentStatus.CONFIRMED, "booked", AppointmentStatus.COMPLETED, "fulfilled", AppointmentStatus.NO_SHOW,
            "noshow", AppointmentStatus.DECLINED, "cancelled", AppointmentStatus.EXPIRED, "cancelled",
            AppointmentStatus.CANCELLED, "cancelled");

    private static final Map<AppointmentStatus, ParticipationStatus> PRACTITIONER = Map.of(AppointmentStatus.REQUESTED,
            ParticipationStatus.NEEDSACTION, AppointmentStatus.CONFIRMED, ParticipationStatus.ACCEPTED,
            AppointmentStatus.COMPLETED, ParticipationStatus.ACCEPTED, AppointmentStatus.NO_SHOW,
            ParticipationStatus.ACCEPTED, AppointmentStatus.DECLINED, ParticipationStatus.DECLINED,
            AppointmentStatus.EXPIRED, ParticipationStatus.NEEDSACTION, AppointmentStatus.CANCELLED,
            ParticipationStatus.ACCEPTED);

    @ParameterizedTest
    @EnumSource(AppointmentStatus.class)
    void mapsEveryStatusToAFhirAppointment(AppointmentStatus status) {
        String providerId = newProvider();
        String patientId = newPatient().patientId();
        Appointment appointment = book(providerId, patientId, TUESDAY, LocalTime.of(9, 30));
        String reason = status == AppointmentStatus.CANCELLED || status == AppointmentStatus.DECLINED ? "clinic closed"
                : null;
        for (AppointmentStatus step : PATHS.get(status)) {
            appointment = transition(appointment, step, step == status ? reason : null);
        }

        HttpResponse<String> response = get("/fhir/Appointment/" + appointment.appointmentId());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(contentType(response)).startsWith("application/fhir+json");
        assertThat(response.headers().firstValue("ETag")).hasValue("W/\"" + appointment.version() + "\"");
        var resource = parser().parseResource(org.hl7.fhir.r4.model.Appointment.class, response.body());
        assertThat(resource.getIdElement().getIdPart()).isEqualTo(appointment.appointmentId());
        assertThat(resource.getMeta().getVersionId()).isEqualTo(Long.toString(appointment.version()));
        assertThat(resource.getStatus().toCode()).isEqualTo(FHIR_STATUS.get(status));
        assertThat(resource.getStartElement().getValueAsString()).isEqualTo("2027-03-02T14:30:00Z");
        assertThat(resource.getEndElement().getValueAsString()).isEqualTo("2027-03-02T14:45:00Z");
        assertThat(resource.getMinutesDuration()).isEqualTo(15);
        assertThat(resource.getParticipant()).extracting(p -> p.getActor().getReference())
            .containsExactly("Patient/" + patientId, "Practitioner/" + providerId);
        assertThat(resource.getParticipant()).extracting(AppointmentParticipantComponent::getStatus)
            .containsExactly(ParticipationStatus.ACCEPTED, PRACTITIONER.get(status));
        if (reason == null) {
            assertThat(resource.hasCancelationReason()).isFalse();
        }
        else {
            assertThat(resource.getCancelationReason().getText()).isEqualTo(reason);
        }
    }

    @Test
    void searchesAPatientsAppointmentsAsPagedSearchsetBundles() {
        String providerId = newProvider();
        String patientId = newPatient().patientId();
        List<String> booked = new ArrayList<>();
        for (int day : new int[] { 0, 1, 2, 3, 6 }) {
            booked.add(book(providerId, patientId, TUESDAY.plusDays(day), LocalTime.of(9, 0)).appointmentId());
        }

        List<String> found = new ArrayList<>();
        String next = "/fhir/Appointment?patient=Patient/%s&date=ge2027-03-03&date=lt2027-03-06&_count=2"
            .formatted(patientId);
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = get(next);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(contentType(response)).startsWith("application/fhir+json");
            Bundle bundle = parser().parseResource(Bundle.class, response.body());
            assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
            bundle.getEntry().forEach(entry -> {
                assertThat(entry.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
                assertThat(entry.getFullUrl()).endsWith("/fhir/Appointment/" + entry.getResource().getIdPart());
                found.add(entry.getResource().getIdElement().getIdPart());
            });
            next = bundle.getLink("next") == null ? null : bundle.getLink("next").getUrl();
            pages++;
        }

        assertThat(found).containsExactlyElementsOf(booked.subList(1, 4));
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void findsAnAppointmentOnADayByPatientIdAlone() {
        String patientId = newPatient().patientId();
        Appointment appointment = book(newProvider(), patientId, TUESDAY, LocalTime.of(16, 0));

        Bundle bundle = parser().parseResource(Bundle.class,
                get("/fhir/Appointment?patient=%s&date=2027-03-02".formatted(patientId)).body());

        assertThat(bundle.getEntry()).hasSize(1);
        assertThat(bundle.getEntryFirstRep().getResource().getIdElement().getIdPart())
            .isEqualTo(appointment.appointmentId());
        assertThat(parser()
            .parseResource(Bundle.class,
                    get("/fhir/Appointment?patient=%s&date=2027-03-03".formatted(patientId)).body())
            .getEntry()).isEmpty();
    }

    @Test
    void listsFreeSlotsAsFhirSlots() {
        String providerId = newProvider();
        book(providerId, newPatient().patientId(), TUESDAY, LocalTime.of(9, 0));

        HttpResponse<String> response = get("/fhir/Slot?schedule=Schedule/%s&start=2027-03-02".formatted(providerId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(contentType(response)).startsWith("application/fhir+json");
        Bundle bundle = parser().parseResource(Bundle.class, response.body());
        assertThat(bundle.getEntry()).hasSize(31);
        var first = (org.hl7.fhir.r4.model.Slot) bundle.getEntryFirstRep().getResource();
        assertThat(first.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Slot.SlotStatus.FREE);
        assertThat(first.getSchedule().getReference()).isEqualTo("Schedule/" + providerId);
        assertThat(first.getStartElement().getValueAsString()).isEqualTo("2027-03-02T14:15:00Z");
        assertThat(first.getEndElement().getValueAsString()).isEqualTo("2027-03-02T14:30:00Z");
        assertOutcome(get("/fhir/Slot?start=2027-03-02"), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/Slot?schedule=Schedule/%s&start=soon".formatted(providerId)), 400,
                OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/Slot?schedule=Schedule/nobody&start=2027-03-02"), 404,
                OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void answersErrorsWithOperationOutcomes() {
        assertOutcome(get("/fhir/Appointment/no-such-appointment"), 404, OperationOutcome.IssueType.NOTFOUND);
        assertOutcome(get("/fhir/Appointment"), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/Appointment?patient=Patient/x&date=yesterday"), 400,
                OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/Appointment?patient=Patient/x&date=ap2027-03-01"), 400,
                OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/Appointment?patient=Patient/x&_count=0"), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/Appointment?patient=Patient/x&_count=ten"), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/Appointment?patient=Patient/x&_cursor=bogus"), 400,
                OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/Patient/x"), 404, OperationOutcome.IssueType.NOTFOUND);
        assertOutcome(get("/fhir/Encounter/x"), 404, OperationOutcome.IssueType.NOTFOUND);
        assertOutcome(get("/fhir/Appointment?patient=Patient/x&practitioner=Practitioner/y"), 400,
                OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/Appointment?practitioner=Practitioner/y&status=arrived"), 400,
                OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/Schedule"), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/Practitioner/nobody"), 404, OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void describesItselfInACapabilityStatement() {
        HttpResponse<String> response = get("/fhir/metadata");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(contentType(response)).startsWith("application/fhir+json");
        CapabilityStatement statement = parser().parseResource(CapabilityStatement.class, response.body());
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getKind()).isEqualTo(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        assertThat(statement.getFormat()).extracting(CodeType::getValue).contains("application/fhir+json");
        var resources = statement.getRestFirstRep().getResource();
        assertThat(resources).extracting(CapabilityStatement.CapabilityStatementRestResourceComponent::getType)
            .containsExactly("Appointment", "Schedule", "Slot", "Practitioner", "Patient");
        assertThat(resources.getFirst().getSearchParam())
            .extracting(CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent::getName)
            .contains("patient", "practitioner", "date", "status");
        assertThat(resources.getFirst().getInteraction()).extracting(interaction -> interaction.getCode().toCode())
            .containsExactly("read", "search-type");
    }

    @Test
    void readsAProviderAsPractitionerAndItsScheduleAndFindsTheScheduleByActor() {
        String providerId = newProvider();

        var practitioner = parser().parseResource(Practitioner.class, get("/fhir/Practitioner/" + providerId).body());
        var schedule = parser().parseResource(Schedule.class, get("/fhir/Schedule/" + providerId).body());
        Bundle found = parser().parseResource(Bundle.class,
                get("/fhir/Schedule?actor=Practitioner/" + providerId).body());
        Bundle none = parser().parseResource(Bundle.class, get("/fhir/Schedule?actor=Practitioner/nobody").body());

        assertThat(practitioner.getIdElement().getIdPart()).isEqualTo(providerId);
        assertThat(practitioner.getNameFirstRep().getText()).isEqualTo("Test clinic");
        assertThat(practitioner.getActive()).isTrue();
        assertThat(schedule.getActorFirstRep().getReference()).isEqualTo("Practitioner/" + providerId);
        assertThat(schedule.getComment()).contains("Slot?schedule=Schedule/" + providerId, "America/New_York");
        assertThat(found.getEntry()).singleElement().satisfies(entry -> {
            assertThat(entry.getResource()).isInstanceOf(Schedule.class);
            assertThat(entry.getFullUrl()).endsWith("/fhir/Schedule/" + providerId);
        });
        assertThat(none.getEntry()).isEmpty();
        Bundle slots = parser().parseResource(Bundle.class,
                get("/fhir/Slot?schedule=Schedule/" + providerId + "&start=2027-03-03").body());
        assertThat(slots.getEntry()).isNotEmpty();
    }

    @Test
    void readsAPatientForThePatientItselfAndSchedulersOnly() {
        var patient = newPatient();

        HttpResponse<String> own = getAs(patientToken(patient.patientId()), "/fhir/Patient/" + patient.patientId());
        HttpResponse<String> other = getAs(patientToken(newPatient().patientId()),
                "/fhir/Patient/" + patient.patientId());

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        var resource = parser().parseResource(org.hl7.fhir.r4.model.Patient.class, own.body());
        assertThat(resource.getIdElement().getIdPart()).isEqualTo(patient.patientId());
        assertThat(resource.getNameFirstRep().getFamily()).isEqualTo("Lovelace");
        assertThat(resource.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Ada");
        assertThat(resource.getBirthDateElement().getValueAsString()).isEqualTo("1990-12-10");
        assertThat(resource.getTelecom()).extracting(ContactPoint::getValue)
            .containsExactly(patient.email(), "+15551234567");
        assertOutcome(other, 404, OperationOutcome.IssueType.NOTFOUND);
        assertThat(get("/fhir/Patient/" + patient.patientId()).statusCode()).isEqualTo(200);
    }

    @Test
    void searchesAPractitionersAppointmentsByDateRangeAndStatus() {
        String providerId = newProvider();
        Appointment tuesday = book(providerId, newPatient().patientId(), TUESDAY, LocalTime.of(9, 0));
        Appointment wednesday = book(providerId, newPatient().patientId(), TUESDAY.plusDays(1), LocalTime.of(9, 0));
        book(providerId, newPatient().patientId(), TUESDAY.plusDays(3), LocalTime.of(9, 0));
        transition(wednesday, AppointmentStatus.CONFIRMED, null);
        String range = "&date=ge2027-03-02&date=lt2027-03-04";
        String path = "/fhir/Appointment?practitioner=Practitioner/" + providerId + range;

        Bundle both = parser().parseResource(Bundle.class, get(path).body());
        Bundle booked = parser().parseResource(Bundle.class, get(path + "&status=booked").body());
        Bundle pendingOrBooked = parser().parseResource(Bundle.class,
                get("/fhir/Appointment?actor=Practitioner/" + providerId + range + "&status=pending,booked").body());
        Bundle byItsProvider = parser().parseResource(Bundle.class,
                getAs(providerToken(providerId), path + "&status=pending").body());
        Bundle byAnother = parser().parseResource(Bundle.class, getAs(providerToken("another-provider"), path).body());

        assertThat(ids(both)).containsExactly(tuesday.appointmentId(), wednesday.appointmentId());
        assertThat(ids(booked)).containsExactly(wednesday.appointmentId());
        assertThat(ids(pendingOrBooked)).containsExactly(tuesday.appointmentId(), wednesday.appointmentId());
        assertThat(ids(byItsProvider)).containsExactly(tuesday.appointmentId());
        assertThat(byAnother.getEntry()).isEmpty();
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
    }

    private static void assertOutcome(HttpResponse<String> response, int status, OperationOutcome.IssueType type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(contentType(response)).startsWith("application/fhir+json");
        OperationOutcome outcome = parser().parseResource(OperationOutcome.class, response.body());
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(type);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).isNotBlank();
    }

    private static IParser parser() {
        return FHIR.newJsonParser();
    }

}
