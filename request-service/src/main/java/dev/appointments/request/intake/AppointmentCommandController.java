package dev.appointments.request.intake;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.appointments.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/appointments/{id}/reschedule}, {@code /cancel}, {@code /confirm}, {@code /decline},
 * {@code /complete} and {@code /no-show}: the producer commands about one appointment, with the appointment named by
 * the path and the command's other fields in the body ({@code {appointmentDate, startTime, durationMinutes?}} to
 * reschedule, {@code {reason?}} to cancel or decline, nothing otherwise). Each becomes the same command a producer
 * would send and goes the same way as {@code POST /api/appointment-requests}, answers included.
 */
@RestController
@Tag(name = "Commands about an appointment")
class AppointmentCommandController {

    private static final String BASE = "/api/appointments/{appointmentId}/";

    private final CommandSubmissions submissions;

    AppointmentCommandController(CommandSubmissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping(BASE + "reschedule")
    @Operation(summary = "Move an appointment to another time with the same provider (RescheduleAppointment)",
            description = "For the appointment's patient and schedulers. The appointment keeps its id and goes back "
                    + "to REQUESTED unless the provider confirms automatically. 409 SLOT_UNAVAILABLE when the new "
                    + "time is taken.")
    @OpenApiAnswers.Command
    CompletableFuture<ResponseEntity<?>> reschedule(@PathVariable String appointmentId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(type = "object"), examples = @ExampleObject(value = """
                            {"appointmentDate": "2026-12-02", "startTime": "10:00", "durationMinutes": 30}""")))
            @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(name = PreferWait.PREFER, required = false) List<String> prefer, Caller caller) {
        return submit(CommandKind.RESCHEDULE, appointmentId, body, idempotencyKey, prefer, caller);
    }

    @PostMapping(BASE + "cancel")
    @Operation(summary = "Cancel a requested or confirmed appointment (CancelAppointment)",
            description = "For the appointment's patient and schedulers; frees the slot. The reason is optional.")
    @OpenApiAnswers.Command
    CompletableFuture<ResponseEntity<?>> cancel(@PathVariable String appointmentId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(type = "object"), examples = @ExampleObject(value = """
                            {"reason": "feeling better"}""")))
            @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(name = PreferWait.PREFER, required = false) List<String> prefer, Caller caller) {
        return submit(CommandKind.CANCEL, appointmentId, body, idempotencyKey, prefer, caller);
    }

    @PostMapping(BASE + "confirm")
    @Operation(summary = "Accept a requested appointment (ConfirmAppointment)",
            description = "For the appointment's provider and schedulers. No body.")
    @OpenApiAnswers.Command
    CompletableFuture<ResponseEntity<?>> confirm(@PathVariable String appointmentId,
            @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(name = PreferWait.PREFER, required = false) List<String> prefer, Caller caller) {
        return submit(CommandKind.CONFIRM, appointmentId, body, idempotencyKey, prefer, caller);
    }

    @PostMapping(BASE + "decline")
    @Operation(summary = "Refuse a requested appointment (DeclineAppointment)",
            description = "For the appointment's provider and schedulers; frees the slot. The reason is optional "
                    + "and shown to the patient.")
    @OpenApiAnswers.Command
    CompletableFuture<ResponseEntity<?>> decline(@PathVariable String appointmentId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(type = "object"), examples = @ExampleObject(value = """
                            {"reason": "the practice is closed that day"}""")))
            @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(name = PreferWait.PREFER, required = false) List<String> prefer, Caller caller) {
        return submit(CommandKind.DECLINE, appointmentId, body, idempotencyKey, prefer, caller);
    }

    @PostMapping(BASE + "complete")
    @Operation(summary = "Mark a confirmed appointment as held (CompleteAppointment)",
            description = "For the appointment's provider and schedulers. No body.")
    @OpenApiAnswers.Command
    CompletableFuture<ResponseEntity<?>> complete(@PathVariable String appointmentId,
            @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(name = PreferWait.PREFER, required = false) List<String> prefer, Caller caller) {
        return submit(CommandKind.COMPLETE, appointmentId, body, idempotencyKey, prefer, caller);
    }

    @PostMapping(BASE + "no-show")
    @Operation(summary = "Mark a confirmed appointment as missed by the patient (MarkNoShow)",
            description = "For the appointment's provider and schedulers. No body.")
    @OpenApiAnswers.Command
    CompletableFuture<ResponseEntity<?>> noShow(@PathVariable String appointmentId,
            @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(name = PreferWait.PREFER, required = false) List<String> prefer, Caller caller) {
        return submit(CommandKind.NO_SHOW, appointmentId, body, idempotencyKey, prefer, caller);
    }

    private CompletableFuture<ResponseEntity<?>> submit(CommandKind kind, String appointmentId, JsonNode body,
            String idempotencyKey, List<String> prefer, Caller caller) {
        Optional<ResponseEntity<?>> unfit = unfit(body, kind, appointmentId);
        if (unfit.isPresent()) {
            return CompletableFuture.completedFuture(unfit.get());
        }
        ObjectNode command = body == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) body;
        command.put("type", kind.type());
        command.put("appointmentId", appointmentId);
        return submissions.submit(command, idempotencyKey, prefer, caller);
    }

    /** Why the body can't be this route's command: not an object, or naming another command or appointment. */
    private static Optional<ResponseEntity<?>> unfit(JsonNode body, CommandKind kind, String appointmentId) {
        if (body == null) {
            return Optional.empty();
        }
        if (!(body instanceof ObjectNode)) {
            return Optional.of(Problems.of(HttpStatus.BAD_REQUEST, "Not a command", "The body must be a JSON object."));
        }
        if (body.has("type") && !(body.get("type").isString() && kind.type().equals(body.get("type").stringValue()))) {
            return Optional.of(Problems.of(HttpStatus.BAD_REQUEST, "Not a " + kind.type(),
                    "This route takes " + kind.type() + " only; other commands have routes of their own."));
        }
        if (body.has("appointmentId") && !(body.get("appointmentId").isString()
                && appointmentId.equals(body.get("appointmentId").stringValue()))) {
            return Optional.of(Problems.of(HttpStatus.BAD_REQUEST, "Two appointments",
                    "The body names another appointment than the path; leave appointmentId out of the body."));
        }
        return Optional.empty();
    }
}
