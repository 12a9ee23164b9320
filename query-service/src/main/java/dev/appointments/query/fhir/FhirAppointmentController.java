package dev.appointments.query.fhir;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.appointments.query.appointment.AppointmentFilter;
import dev.appointments.query.appointment.AppointmentSearch;
import dev.appointments.query.appointment.Listing;
import dev.appointments.query.appointment.PageParameters;
import dev.appointments.query.web.BadParameter;
import dev.appointments.query.web.NotFound;
import dev.appointments.rules.lifecycle.AppointmentStatus;
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
 * {@code GET /fhir/Appointment?patient=|practitioner=&date=&status=} (by patient or by
 * practitioner, since those are what an index serves), a searchset Bundle paged with
 * {@code _count} and the {@code next} link. The same caller checks as the REST API:
 * another's appointment is a 404 OperationOutcome like a missing one, another patient's
 * search an empty Bundle.
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
        return ResponseEntity.ok()
            .eTag("W/\"" + appointment.version() + "\"")
            .cacheControl(CacheControl.noCache())
            .contentType(FhirJson.FHIR_JSON)
            .body(json.write(AppointmentResources.of(appointment)));
    }

    @GetMapping("/fhir/Appointment")
    @Operation(summary = "Search a patient's or a practitioner's appointments: a FHIR searchset Bundle in start order",
            description = "Exactly one of patient and practitioner (or actor naming either). A status filter keeps "
                    + "the matching entries of each page, so a page may hold fewer than _count while a next link "
                    + "follows.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/fhir+json"))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/fhir+json"))
    ResponseEntity<String> search(@Parameter(description = "Patient/{id} or {id}",
            example = "Patient/0f8e4c61-7d2b-4c55-a3d1-8e9b0a6c2d47") @RequestParam(required = false) String patient,
            @Parameter(description = "Practitioner/{providerId} or {providerId}",
                    example = "Practitioner/dr-grey") @RequestParam(required = false) String practitioner,
            @Parameter(description = "Patient/{id} or Practitioner/{providerId}",
                    example = "Practitioner/dr-grey") @RequestParam(required = false) String actor,
            @Parameter(description = "Start: optional prefix eq|ge|gt|le|lt and a FHIR date or dateTime; repeatable",
                    example = "ge2026-12-01") @RequestParam(name = "date", required = false) List<String> dates,
            @Parameter(description = "pending, booked, fulfilled, noshow, cancelled; several separated by commas",
                    example = "booked") @RequestParam(required = false) String status,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @RequestParam(name = "_count",
                    required = false) String count,
            @Parameter(description = "Opaque; taken from the Bundle's next link") @RequestParam(name = "_cursor",
                    required = false) String cursor,
            Caller caller) {
        Map.Entry<AppointmentIndex, String> whose = whose(patient, practitioner, actor);
        Set<AppointmentStatus> statuses = statuses(status);
        DateRange range = DateRange.of(dates);
        Listing listing = range.empty() ? new Listing(List.of(), null)
                : search.list(caller, new AppointmentFilter(whose.getKey(), whose.getValue(), range.from(), range.to()),
                        PageParameters.fhir(count(count), cursor));
        List<Appointment> matching = listing.appointments()
            .stream()
            .filter(appointment -> statuses.isEmpty() || statuses.contains(appointment.status()))
            .toList();
        return json.ok(bundle(new Listing(matching, listing.nextCursor())));
    }

    @Hidden
    @RequestMapping("/fhir/**")
    ResponseEntity<String> unsupported() {
        throw new NotFound("This server offers what /fhir/metadata lists: Appointment read and search, Schedule read "
                + "and search, Slot search, Practitioner and Patient read.");
    }

    private static Bundle bundle(Listing listing) {
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.setType(Bundle.BundleType.SEARCHSET);
        var request = ServletUriComponentsBuilder.fromCurrentRequest();
        bundle.addLink().setRelation("self").setUrl(request.toUriString());
        if (listing.nextCursor() != null) {
            bundle.addLink()
                .setRelation("next")
                .setUrl(request.replaceQueryParam("_cursor", listing.nextCursor()).toUriString());
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir/Appointment/").toUriString();
        for (Appointment appointment : listing.appointments()) {
            bundle.addEntry()
                .setFullUrl(base + appointment.appointmentId())
                .setResource(AppointmentResources.of(appointment))
                .getSearch()
                .setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /**
     * The index and key of the search: the patient's or the practitioner's appointments,
     * exactly one of them.
     */
    private static Map.Entry<AppointmentIndex, String> whose(String patient, String practitioner, String actor) {
        String patientRef = patient;
        String practitionerRef = practitioner;
        if (actor != null && !actor.isBlank()) {
            if (actor.startsWith("Patient/")) {
                patientRef = patientRef == null ? actor : patientRef;
            }
            else if (actor.startsWith("Practitioner/")) {
                practitionerRef = practitionerRef == null ? actor : practitionerRef;
            }
            else {
                throw new BadParameter("actor", "'%s' is not a Patient or Practitioner reference.".formatted(actor));
            }
        }
        boolean byPatient = patientRef != null && !patientRef.isBlank();
        boolean byPractitioner = practitionerRef != null && !practitionerRef.isBlank();
        if (byPatient == byPractitioner) {
            throw new BadParameter(byPatient ? "patient,practitioner" : "patient", "The search needs exactly one of "
                    + "patient (Patient/{id}) and practitioner (Practitioner/{providerId}): appointments are searched "
                    + "by one of them.");
        }
        return byPatient ? Map.entry(AppointmentIndex.BY_PATIENT, id(patientRef, "Patient", "patient"))
                : Map.entry(AppointmentIndex.BY_PROVIDER, id(practitionerRef, "Practitioner", "practitioner"));
    }

    private static String id(String reference, String type, String parameter) {
        String id = reference.substring(reference.lastIndexOf('/') + 1);
        if (id.isBlank() || reference.contains("/") && !reference.startsWith(type + "/")) {
            throw new BadParameter(parameter, "'%s' is not a %s reference; use %s/{id}.".formatted(reference,
                    type.toLowerCase(Locale.ROOT), type));
        }
        return id;
    }

    /**
     * The stored statuses of FHIR status codes: cancelled is any of declined, expired and
     * cancelled.
     */
    private static Set<AppointmentStatus> statuses(String codes) {
        Set<AppointmentStatus> statuses = EnumSet.noneOf(AppointmentStatus.class);
        if (codes == null || codes.isBlank()) {
            return statuses;
        }
        for (String code : codes.split(",")) {
            String wanted = code.trim();
            List<AppointmentStatus> matching = Arrays.stream(AppointmentStatus.values())
                .filter(each -> AppointmentResources.status(each).toCode().equals(wanted))
                .toList();
            if (matching.isEmpty()) {
                throw new BadParameter("status", "'%s' is not a status this server gives; use pending, booked, "
                        + "fulfilled, noshow or cancelled.".formatted(wanted));
            }
            statuses.addAll(matching);
        }
        return statuses;
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
