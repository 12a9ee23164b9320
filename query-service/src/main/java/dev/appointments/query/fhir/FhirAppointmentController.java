package dev.appointments.query.fhir;

import java.util.List;
import java.util.UUID;

import dev.appointments.query.appointment.AppointmentSearch;
import dev.appointments.query.appointment.Listing;
import dev.appointments.query.web.BadParameter;
import dev.appointments.query.web.NotFound;
import dev.appointments.security.Caller;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.AppointmentIndex;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * FHIR R4 reads of appointments: {@code GET /fhir/Appointment/{id}} and the search
 * {@code GET /fhir/Appointment?patient=&date=} (by patient only, since that is what an index serves), a searchset
 * Bundle paged with {@code _count} and the {@code next} link. The same caller checks as the REST API: another's
 * appointment is a 404 OperationOutcome like a missing one, another patient's search an empty Bundle.
 */
@RestController
@Tag(name = "FHIR R4")
class FhirAppointmentController {

    private final AppointmentSearch search;
    private final FhirJson json;

    FhirAppointmentController(AppointmentSearch search, FhirJson json) {
        this.search = search;
        this.json = json;
    }

    @GetMapping("/fhir/Appointment/{id}")
    @Operation(summary = "An appointment as a FHIR R4 Appointment resource",
            description = "ETag W/\"<version>\" (meta.versionId); errors are OperationOutcomes.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/fhir+json"))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/fhir+json"))
    ResponseEntity<String> read(@PathVariable String id, Caller caller) {
        Appointment appointment = search.find(id, caller);
        return ResponseEntity.ok().eTag("W/\"" + appointment.version() + "\"").cacheControl(CacheControl.noCache())
                .contentType(FhirJson.FHIR_JSON).body(json.write(AppointmentResources.of(appointment)));
    }

    @GetMapping("/fhir/Appointment")
    @Operation(summary = "Search a patient's appointments: a FHIR searchset Bundle in start order")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/fhir+json"))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/fhir+json"))
    ResponseEntity<String> search(
            @Parameter(description = "Patient/{id} or {id}; required", example = "Patient/0f8e4c61-7d2b-4c55-a3d1-8e9b0a6c2d47")
            @RequestParam(required = false) String patient,
            @Parameter(description = "Start: optional prefix eq|ge|gt|le|lt and a FHIR date or dateTime; repeatable",
                    example = "ge2026-12-01") @RequestParam(name = "date", required = false) List<String> dates,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @RequestParam(name = "_count", required = false) String count,
            @Parameter(description = "Opaque; taken from the Bundle's next link") @RequestParam(name = "_cursor", required = false) String cursor,
            Caller caller) {
        String patientId = patientId(patient);
        DateRange range = DateRange.of(dates);
        Listing listing = range.empty() ? new Listing(List.of(), null)
                : search.list(caller, AppointmentIndex.BY_PATIENT, patientId, range.from(), range.to(), count(count), "_count",
                        cursor, "_cursor");
        return json.ok(bundle(listing));
    }

    @Hidden
    @RequestMapping("/fhir/**")
    ResponseEntity<String> unsupported() {
        throw new NotFound("This server offers Appointment read (/fhir/Appointment/{id}) and search "
                + "(/fhir/Appointment?patient=...), and Slot search (/fhir/Slot?schedule=...&start=...) only.");
    }

    private static Bundle bundle(Listing listing) {
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.setType(Bundle.BundleType.SEARCHSET);
        var request = ServletUriComponentsBuilder.fromCurrentRequest();
        bundle.addLink().setRelation("self").setUrl(request.toUriString());
        if (listing.nextCursor() != null) {
            bundle.addLink().setRelation("next")
                    .setUrl(request.replaceQueryParam("_cursor", listing.nextCursor()).toUriString());
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir/Appointment/").toUriString();
        for (Appointment appointment : listing.appointments()) {
            bundle.addEntry().setFullUrl(base + appointment.appointmentId())
                    .setResource(AppointmentResources.of(appointment)).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    private static String patientId(String patient) {
        if (patient == null || patient.isBlank()) {
            throw new BadParameter("patient", "The search needs a patient (patient=Patient/{id}): appointments are "
                    + "searched by patient only.");
        }
        String id = patient.substring(patient.lastIndexOf('/') + 1);
        if (id.isBlank() || patient.contains("/") && !patient.contains("Patient/")) {
            throw new BadParameter("patient", "'%s' is not a patient reference; use Patient/{id}.".formatted(patient));
        }
        return id;
    }

    private static Integer count(String count) {
        if (count == null) {
            return null;
        }
        try {
            return Integer.valueOf(count.trim());
        }
        catch (NumberFormatException ex) {
            throw new BadParameter("_count", "Parameter '_count' must be a whole number, not '%s'.".formatted(count));
        }
    }
}
