package dev.appointments.query.slot;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/providers/{id}/slots?date=YYYY-MM-DD}: where a one-slot appointment can
 * be booked on a date.
 */
@RestController
@Tag(name = "Free slots")
class SlotController {

    private final FreeSlots freeSlots;

    SlotController(FreeSlots freeSlots) {
        this.freeSlots = freeSlots;
    }

    @GetMapping("/api/providers/{id}/slots")
    @Operation(summary = "Free slots of a provider on a date",
            description = "The provider's grid for the date in the provider's time zone, less locked slots and "
                    + "buffers, less what the minimum notice and maximum advance forbid now. May lag a booking by "
                    + "the cache TTL (5 s by default); the booking itself is what decides.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
            {"providerId": "dr-grey", "date": "2026-12-01", "timeZone": "America/New_York", "slotMinutes": 15,
             "slots": [{"startTime": "09:00", "start": "2026-12-01T14:00:00Z", "end": "2026-12-01T14:15:00Z"},
                       {"startTime": "09:15", "start": "2026-12-01T14:15:00Z", "end": "2026-12-01T14:30:00Z"}]}""")))
    @ApiResponse(responseCode = "400", description = "Missing or malformed date",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such provider",
            content = @Content(mediaType = "application/problem+json"))
    SlotsView slots(@PathVariable String id, @Parameter(description = "Provider-local date",
            example = "2026-12-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        ProviderDay day = freeSlots.day(id, date);
        return SlotsView.of(day, freeSlots.free(day));
    }

}
