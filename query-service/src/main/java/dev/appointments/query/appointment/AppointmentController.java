package dev.appointments.query.appointment;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.appointments.query.web.BadParameter;
import dev.appointments.query.web.ETags;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.security.Caller;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.AppointmentIndex;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/appointments/{id}} and
 * {@code GET /api/appointments?patientId=|providerId=|status=...}. A patient sees its own
 * appointments, a provider those of its providers, schedulers and ops all: another's
 * appointment is answered 404 like a missing one, another's list is empty.
 */
@RestController
@Tag(name = "Appointments")
class AppointmentController {

    private final AppointmentSearch search;

    AppointmentController(AppointmentSearch search) {
        this.search = search;
    }

    @GetMapping("/api/appointments/{id}")
    @Operation(summary = "One appointment with its history",
            description = "The ETag is the appointment's version; send it as If-None-Match to get 304 while unchanged.")
    @ApiResponse(responseCode = "200",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppointmentView.class),
                    examples = @ExampleObject(value = Examples.APPOINTMENT)))
    @ApiResponse(responseCode = "404", description = "No such appointment",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = Examples.NOT_FOUND)))
    ResponseEntity<AppointmentView> appointment(@PathVariable String id, Caller caller) {
        Appointment appointment = search.find(id, caller);
        return ResponseEntity.ok()
            .eTag(ETags.ofVersion(appointment.version()))
            .cacheControl(CacheControl.noCache())
            .body(AppointmentView.of(appointment, caller));
    }

    @GetMapping("/api/appointments")
    @Operation(summary = "Appointments of a patient, of a provider or in a status, by start time",
            description = "Exactly one of patientId, providerId and status. Served by an index query, a page at a "
                    + "time: pass nextCursor back as cursor until it is absent. A patient lists its own patientId, a "
                    + "provider its providerIds, schedulers and ops anything; other lists are empty.")
    @ApiResponse(responseCode = "200",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AppointmentListView.class),
                    examples = @ExampleObject(value = Examples.LIST)))
    @ApiResponse(responseCode = "400", description = "No filter or several, a bad time, limit or cursor",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = Examples.BAD_LIMIT)))
    AppointmentListView appointments(@RequestParam(required = false) String patientId,
            @RequestParam(required = false) String providerId,
            @Parameter(
                    description = "REQUESTED, CONFIRMED, COMPLETED, NO_SHOW, DECLINED, EXPIRED or CANCELLED") @RequestParam(
                            required = false) String status,
            @Parameter(description = "Earliest start, inclusive: instant, date-time with offset, or UTC date",
                    example = "2027-03-01") @RequestParam(required = false) String from,
            @Parameter(description = "Latest start, exclusive; a date includes that whole day",
                    example = "2027-03-31T23:59:59Z") @RequestParam(required = false) String to,
            @Parameter(description = "Page size, 1 to 200",
                    example = "50") @RequestParam(required = false) Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam(
                    required = false) String cursor,
            Caller caller) {
        Map.Entry<AppointmentIndex, String> filter = filter(patientId, providerId, status);
        Instant start = TimeParameters.from(from);
        Instant end = TimeParameters.to(to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new BadParameter("to", "Parameter 'to' (%s) must be after 'from' (%s).".formatted(end, start));
        }
        Listing listing = search.list(caller, new AppointmentFilter(filter.getKey(), filter.getValue(), start, end),
                PageParameters.rest(limit, cursor));
        return new AppointmentListView(
                listing.appointments().stream().map(appointment -> AppointmentView.of(appointment, caller)).toList(),
                limit == null ? AppointmentSearch.DEFAULT_LIMIT : limit, listing.nextCursor());
    }

    private static Map.Entry<AppointmentIndex, String> filter(String patientId, String providerId, String status) {
        Map<String, String> given = new LinkedHashMap<>();
        if (patientId != null) {
            given.put("patientId", patientId);
        }
        if (providerId != null) {
            given.put("providerId", providerId);
        }
        if (status != null) {
            given.put("status", status);
        }
        if (given.size() != 1) {
            throw new BadParameter(given.isEmpty() ? "patientId" : String.join(",", given.keySet()),
                    "Give exactly one of the parameters patientId, providerId and status%s.".formatted(
                            given.isEmpty() ? "" : "; this request has " + String.join(" and ", given.keySet())));
        }
        Map.Entry<String, String> only = given.entrySet().iterator().next();
        if (only.getValue().isBlank()) {
            throw new BadParameter(only.getKey(), "Parameter '%s' must not be empty.".formatted(only.getKey()));
        }
        return switch (only.getKey()) {
            case "patientId" -> Map.entry(AppointmentIndex.BY_PATIENT, patientId);
            case "providerId" -> Map.entry(AppointmentIndex.BY_PROVIDER, providerId);
            default -> Map.entry(AppointmentIndex.BY_STATUS, status(status));
        };
    }

    private static String status(String text) {
        try {
            return AppointmentStatus.valueOf(text.trim().toUpperCase(Locale.ROOT)).name();
        }
        catch (IllegalArgumentException ex) {
            throw new BadParameter("status", "Parameter 'status' must be one of %s, not '%s'.".formatted(
                    Arrays.stream(AppointmentStatus.values()).map(Enum::name).collect(Collectors.joining(", ")), text));
        }
    }

}
