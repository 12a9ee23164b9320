package dev.appointments.query.fhir;

import java.util.UUID;
import java.util.regex.Pattern;

import dev.appointments.query.web.BadParameter;
import dev.appointments.query.web.NotFound;
import dev.appointments.security.Caller;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Provider;
import dev.appointments.store.provider.Providers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The people and calendars behind the appointments, as FHIR R4 resources:
 * {@code Practitioner/{providerId}} and its one {@code Schedule/{providerId}} (read, and
 * searched by {@code actor}), and {@code Patient/{id}}. Providers carry no personal data
 * and are read with any token; a patient record is read by its patient and by schedulers
 * and ops only, another's is a 404 like a missing one.
 */
@RestController
@Tag(name = "FHIR R4")
class FhirDirectoryController {

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final Providers providers;

    private final Patients patients;

    private final FhirJson json;

    FhirDirectoryController(Providers providers, Patients patients, FhirJson json) {
        this.providers = providers;
        this.patients = patients;
        this.json = json;
    }

    @GetMapping("/fhir/Practitioner/{id}")
    @Operation(summary = "A provider as a FHIR Practitioner")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/fhir+json"))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/fhir+json"))
    ResponseEntity<String> practitioner(@PathVariable String id) {
        Provider provider = provider(id);
        Practitioner practitioner = new Practitioner();
        practitioner.setId(fhirId(provider.providerId()));
        practitioner.getMeta().setVersionId(Long.toString(provider.version()));
        practitioner.addIdentifier().setSystem("urn:appointments:provider").setValue(provider.providerId());
        practitioner.setActive(true);
        practitioner.addName().setText(provider.rules().name());
        return json.ok(practitioner);
    }

    @GetMapping("/fhir/Schedule/{id}")
    @Operation(summary = "A provider's schedule: one per provider, named by the provider's id")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/fhir+json"))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/fhir+json"))
    ResponseEntity<String> schedule(@PathVariable String id) {
        return json.ok(schedule(provider(id)));
    }

    @GetMapping("/fhir/Schedule")
    @Operation(summary = "Search the schedule of a provider: a searchset Bundle of its one Schedule")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/fhir+json"))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/fhir+json"))
    ResponseEntity<String> schedules(@Parameter(description = "Practitioner/{providerId}; required",
            example = "Practitioner/dr-grey") @RequestParam(required = false) String actor) {
        if (actor == null || actor.isBlank()) {
            throw new BadParameter("actor", "The search needs an actor (actor=Practitioner/{providerId}).");
        }
        String providerId = actor.substring(actor.lastIndexOf('/') + 1);
        if (providerId.isBlank() || actor.contains("/") && !actor.startsWith("Practitioner/")) {
            throw new BadParameter("actor",
                    "'%s' is not a practitioner reference; use Practitioner/{providerId}.".formatted(actor));
        }
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.addLink().setRelation("self").setUrl(ServletUriComponentsBuilder.fromCurrentRequest().toUriString());
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir/Schedule/").toUriString();
        providers.find(providerId)
            .ifPresent(provider -> bundle.addEntry()
                .setFullUrl(base + providerId)
                .setResource(schedule(provider))
                .getSearch()
                .setMode(Bundle.SearchEntryMode.MATCH));
        bundle.setTotal(bundle.getEntry().size());
        return json.ok(bundle);
    }

    @GetMapping("/fhir/Patient/{id}")
    @Operation(summary = "A patient as a FHIR Patient", description = "For the patient itself, schedulers and ops.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/fhir+json"))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/fhir+json"))
    ResponseEntity<String> patient(@PathVariable String id, Caller caller) {
        Patient patient = patients.find(id)
            .filter(found -> caller.canSeePatient(found.patientId()))
            .orElseThrow(() -> new NotFound("There is no patient " + id + "."));
        org.hl7.fhir.r4.model.Patient resource = new org.hl7.fhir.r4.model.Patient();
        resource.setId(fhirId(patient.patientId()));
        resource.addIdentifier().setSystem("urn:appointments:patient").setValue(patient.patientId());
        resource.setActive(true);
        resource.addName()
            .setUse(HumanName.NameUse.OFFICIAL)
            .setFamily(patient.lastName())
            .addGiven(patient.firstName());
        resource.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(patient.email());
        if (patient.phone() != null) {
            resource.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(patient.phone());
        }
        if (patient.dateOfBirth() != null) {
            resource.setBirthDateElement(new DateType(patient.dateOfBirth().toString()));
        }
        return json.ok(resource);
    }

    private Provider provider(String id) {
        return providers.find(id).orElseThrow(() -> new NotFound("There is no provider " + id + "."));
    }

    private static Schedule schedule(Provider provider) {
        Schedule schedule = new Schedule();
        schedule.setId(fhirId(provider.providerId()));
        schedule.getMeta().setVersionId(Long.toString(provider.version()));
        schedule.setActive(true);
        schedule.addActor(new Reference("Practitioner/" + provider.providerId()).setDisplay(provider.rules().name()));
        schedule.setComment("Free slots: Slot?schedule=Schedule/" + provider.providerId() + "&start=YYYY-MM-DD, in "
                + provider.rules().timeZone() + ", " + provider.rules().slotMinutes() + "-minute slots.");
        return schedule;
    }

    /**
     * FHIR ids are 1 to 64 of A-Za-z0-9-. ; an id outside that is still named by the
     * resource's identifier.
     */
    private static String fhirId(String id) {
        return FHIR_ID.matcher(id).matches() ? id : null;
    }

}
