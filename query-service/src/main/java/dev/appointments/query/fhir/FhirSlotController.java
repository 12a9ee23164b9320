package dev.appointments.query.fhir;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.appointments.query.slot.FreeSlots;
import dev.appointments.query.web.BadParameter;
import dev.appointments.rules.Slot;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /fhir/Slot?schedule=Schedule/{providerId}&start=YYYY-MM-DD}: the free slots
 * of a provider's date as FHIR R4 Slot resources (status {@code free}). Each provider has
 * one schedule, named by the provider's id.
 */
@RestController
@Tag(name = "FHIR R4")
class FhirSlotController {

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final FreeSlots freeSlots;

    private final FhirJson json;

    FhirSlotController(FreeSlots freeSlots, FhirJson json) {
        this.freeSlots = freeSlots;
        this.json = json;
    }

    @GetMapping("/fhir/Slot")
    @Operation(summary = "Free slots of a provider's date as a FHIR searchset Bundle of Slot resources")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/fhir+json"))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/fhir+json"))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/fhir+json"))
    ResponseEntity<String> search(
            @Parameter(description = "Schedule/{providerId}; required",
                    example = "Schedule/dr-grey") @RequestParam(required = false) String schedule,
            @Parameter(description = "The provider-local date, optionally prefixed eq; required",
                    example = "2026-12-01") @RequestParam(required = false) String start) {
        String providerId = providerId(schedule);
        LocalDate date = date(start);
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.addLink().setRelation("self").setUrl(ServletUriComponentsBuilder.fromCurrentRequest().toUriString());
        List<Slot> slots = freeSlots.freeOn(providerId, date);
        for (Slot slot : slots) {
            bundle.addEntry().setResource(slot(providerId, slot)).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        bundle.setTotal(slots.size());
        return json.ok(bundle);
    }

    private static org.hl7.fhir.r4.model.Slot slot(String providerId, Slot slot) {
        var resource = new org.hl7.fhir.r4.model.Slot();
        String id = providerId + "-" + slot.start().getEpochSecond();
        if (FHIR_ID.matcher(id).matches()) {
            resource.setId(id);
        }
        resource.setSchedule(new Reference("Schedule/" + providerId));
        resource.setStatus(org.hl7.fhir.r4.model.Slot.SlotStatus.FREE);
        resource.setStartElement(FhirTime.instant(slot.start()));
        resource.setEndElement(FhirTime.instant(slot.end()));
        return resource;
    }

    private static String providerId(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            throw new BadParameter("schedule", "The search needs a schedule (schedule=Schedule/{providerId}).");
        }
        String id = schedule.substring(schedule.lastIndexOf('/') + 1);
        if (id.isBlank() || schedule.contains("/") && !schedule.contains("Schedule/")) {
            throw new BadParameter("schedule",
                    "'%s' is not a schedule reference; use Schedule/{providerId}.".formatted(schedule));
        }
        return id;
    }

    private static LocalDate date(String start) {
        if (start == null || start.isBlank()) {
            throw new BadParameter("start", "The search needs a start date (start=YYYY-MM-DD).");
        }
        try {
            return LocalDate.parse(start.startsWith("eq") ? start.substring(2) : start);
        }
        catch (DateTimeParseException ex) {
            throw new BadParameter("start",
                    "'%s' is not a date; use start=YYYY-MM-DD (the provider's local date).".formatted(start));
        }
    }

}
