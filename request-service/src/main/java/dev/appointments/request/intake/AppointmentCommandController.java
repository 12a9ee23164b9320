package dev.appointments.request.intake;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.appointments.security.Caller;
import io.swagger.v3.oas.annotations.Parameter;
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
 * {@code POST /api/appointments/{id}/reschedule}, {@code /cancel}, {@code /confirm},
 * {@code /decline}, {@code /complete} and {@code /no-show}: the producer commands about
 * one appointment, with the appointment named by the path and the command's other fields
 * in the body ({@code {appointmentDate, startTime, durationMinutes?}} to reschedule,
 * {@code {reason?}} to cancel or decline, nothing otherwise). Each becomes the same
 * command a producer would send and goes the same way as
 * {@code POST /api/appointment-requests}, answers included.
 */
@RestController
@Tag(name = "Commands about an appointment")
class AppointmentCommandController {

    private static final String BASE = "/api/appointments/{appointmentId}/";

    private final CommandSubmissions submissions;

    AppointmentCommandController(CommandSubmissions submissions) {
        this.submissions = submissions;
    }

    /**
     * Every route of the table in {@link AppointmentCommandRoutes}, which also describes
     * each in the OpenAPI document; another last segment matches no route at all, as
     * before.
     */
    @PostMapping(BASE + "{action:" + AppointmentCommandRoutes.ACTIONS + "}")
    @OpenApiAnswers.Command
    CompletableFuture<ResponseEntity<?>> command(@PathVariable String appointmentId,
            @Parameter(hidden = true) @PathVariable String action, @RequestBody(required = false) JsonNode body,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(name = PreferWait.PREFER, required = false) List<String> prefer, Caller caller) {
        CommandKind kind = CommandKind.ofAction(action)
            .orElseThrow(() -> new IllegalStateException("No command for the route " + action));
        Optional<ResponseEntity<?>> unfit = unfit(body, kind, appointmentId);
        if (unfit.isPresent()) {
            return CompletableFuture.completedFuture(unfit.get());
        }
        ObjectNode command = body == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) body;
        command.put("type", kind.type());
        command.put("appointmentId", appointmentId);
        return submissions.submit(command, idempotencyKey, prefer, caller);
    }

    /**
     * Why the body can't be this route's command: not an object, or naming another
     * command or appointment.
     */
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
