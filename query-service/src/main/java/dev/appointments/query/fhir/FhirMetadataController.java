package dev.appointments.query.fhir;

import java.util.Date;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /fhir/metadata}: the CapabilityStatement of this read-only FHIR R4 server,
 * so that a FHIR client learns which resources it offers and how each is searched, before
 * it asks.
 */
@RestController
@Tag(name = "FHIR R4")
class FhirMetadataController {

    /**
     * When this statement last changed in substance: a FHIR client may cache it by this
     * date.
     */
    private static final Date CHANGED = Date.from(java.time.Instant.parse("2026-11-30T00:00:00Z"));

    private final FhirJson json;

    FhirMetadataController(FhirJson json) {
        this.json = json;
    }

    @GetMapping("/fhir/metadata")
    @Operation(summary = "The server's FHIR R4 CapabilityStatement")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/fhir+json"))
    ResponseEntity<String> metadata() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setName("AppointmentSchedulingFhirView");
        statement.setTitle("Appointment scheduling: FHIR R4 view");
        statement.setStatus(PublicationStatus.ACTIVE);
        statement.setDate(CHANGED);
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.setFhirVersion(FHIRVersion._4_0_1);
        statement.addFormat("application/fhir+json");
        statement.addFormat("json");
        statement.getSoftware().setName("appointment-scheduling query-service");
        statement.getImplementation()
            .setDescription("Read-only FHIR view of the appointment system")
            .setUrl(ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir").toUriString());
        CapabilityStatementRestComponent rest = statement.addRest()
            .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity()
            .setDescription("Every request needs an OAuth2 bearer token with the roles claim; a "
                    + "patient sees its own records, a provider those of its provider_id.")
            .addService(new CodeableConcept().setText("OAuth2 bearer token"));

        CapabilityStatementRestResourceComponent appointment = resource(rest, "Appointment", true, true);
        param(appointment, "patient", SearchParamType.REFERENCE, "Patient/{id}; this or practitioner is required");
        param(appointment, "practitioner", SearchParamType.REFERENCE,
                "Practitioner/{providerId}; this or patient is required");
        param(appointment, "actor", SearchParamType.REFERENCE, "Patient/{id} or Practitioner/{providerId}");
        param(appointment, "date", SearchParamType.DATE, "Start, with prefixes eq, ge, gt, le, lt; repeatable");
        param(appointment, "status", SearchParamType.TOKEN,
                "pending, booked, fulfilled, noshow, cancelled; several separated by commas");
        param(appointment, "_count", SearchParamType.NUMBER, "Page size, 1 to 200");
        CapabilityStatementRestResourceComponent schedule = resource(rest, "Schedule", true, true);
        param(schedule, "actor", SearchParamType.REFERENCE, "Practitioner/{providerId}: its one schedule");
        CapabilityStatementRestResourceComponent slot = resource(rest, "Slot", false, true);
        param(slot, "schedule", SearchParamType.REFERENCE, "Schedule/{providerId}; required");
        param(slot, "start", SearchParamType.DATE, "The provider-local date; required");
        resource(rest, "Practitioner", true, false);
        resource(rest, "Patient", true, false);
        return json.ok(statement);
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatementRestComponent rest, String type,
            boolean read, boolean search) {
        CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
        if (read) {
            resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        }
        if (search) {
            resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        }
        return resource;
    }

    private static void param(CapabilityStatementRestResourceComponent resource, String name, SearchParamType type,
            String documentation) {
        resource.addSearchParam().setName(name).setType(type).setDocumentation(documentation);
    }

}
