package dev.appointments.request.intake;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import dev.appointments.model.FieldViolation;
import dev.appointments.model.FieldViolations;
import dev.appointments.model.requests.AppointmentRequestsMessage;
import dev.appointments.model.requests.RequestAppointment;
import dev.appointments.request.RequestServiceProperties;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import jakarta.validation.Validator;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/appointment-requests}: checks a RequestAppointment body, puts it on the appointment-requests queue
 * and answers 202 with the requestId and where its outcome will appear. The command is then handled exactly as if a
 * producer had sent it to the queue.
 */
@RestController
class IntakeController {

    static final String BINDING = "appointmentRequests-out-0";
    private static final String TYPE = "RequestAppointment";

    private final StreamBridge streamBridge;
    private final JsonMapper json;
    private final Validator validator;
    private final Outcomes outcomes;
    private final RequestServiceProperties properties;

    IntakeController(StreamBridge streamBridge, JsonMapper json, Validator validator, Outcomes outcomes,
            RequestServiceProperties properties) {
        this.streamBridge = streamBridge;
        this.json = json;
        this.validator = validator;
        this.outcomes = outcomes;
        this.properties = properties;
    }

    @PostMapping(path = "/api/appointment-requests", consumes = "application/json")
    ResponseEntity<?> submit(@RequestBody JsonNode body) {
        if (!(body instanceof ObjectNode command)) {
            return problem(HttpStatus.BAD_REQUEST, "Not a booking request", "The body must be a JSON object.", List.of());
        }
        if (command.has("type") && !TYPE.equals(command.get("type").asString())) {
            return problem(HttpStatus.BAD_REQUEST, "Not a booking request",
                    "This endpoint takes RequestAppointment commands only.", List.of());
        }
        command.put("type", TYPE);
        RequestAppointment request;
        try {
            request = (RequestAppointment) json.treeToValue(command, AppointmentRequestsMessage.class);
        }
        catch (JacksonException ex) {
            return problem(HttpStatus.BAD_REQUEST, "Unreadable booking request", ex.getOriginalMessage(), List.of());
        }
        List<FieldViolation> violations = FieldViolations.of(validator, request);
        if (!violations.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid booking request", violations.stream()
                    .map(violation -> violation.field() + ": " + violation.message())
                    .reduce((a, b) -> a + "; " + b).orElse(""), violations);
        }
        URI outcomeUrl = properties.outcomeBaseUrl().resolve("/api/appointment-requests/" + request.requestId());
        Optional<Outcome> earlier = outcomes.find(request.requestId());
        if (earlier.isEmpty()) {
            String payload = json.writeValueAsString(request);
            boolean sent = streamBridge.send(BINDING, MessageBuilder.withPayload(payload)
                    .setHeader("type", TYPE).setHeader("requestId", request.requestId())
                    .setHeader("contentType", "application/json").build());
            if (!sent) {
                return problem(HttpStatus.SERVICE_UNAVAILABLE, "Queue unavailable",
                        "The request could not be queued; try again.", List.of());
            }
        }
        return ResponseEntity.accepted().location(outcomeUrl)
                .body(new Accepted(request.requestId(), earlier.isPresent() ? "ANSWERED" : "QUEUED", outcomeUrl));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
            List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!violations.isEmpty()) {
            problem.setProperty("violations", violations);
        }
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * The answer to an accepted submission.
     *
     * @param requestId the request's idempotency key
     * @param status QUEUED, or ANSWERED when an outcome exists already (the same requestId was submitted before)
     * @param outcomeUrl where the outcome appears
     */
    record Accepted(String requestId, String status, URI outcomeUrl) {
    }
}
