package dev.appointments.request.intake;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.appointments.model.FieldViolation;
import dev.appointments.model.FieldViolations;
import dev.appointments.model.requests.AppointmentRequestsMessage;
import dev.appointments.model.requests.RequestAppointment;
import dev.appointments.request.RequestServiceProperties;
import dev.appointments.request.booking.CommandFingerprint;
import dev.appointments.security.Caller;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/appointment-requests}: checks a RequestAppointment body, puts it on the appointment-requests queue
 * and answers 202 with the requestId and where its outcome will appear. The command is then handled exactly as if a
 * producer had sent it to the queue.
 * <p>
 * Schedulers submit for any patient, by id or with the patient's details. A patient submits only for itself: its
 * {@code patientId} must be the token's {@code patient_id}, and it may not send patient details, which would find or
 * create a patient record by e-mail address that is not the one its token names (403 either way). A body that would
 * make a queue message over the SQS limit is answered 413 before anything is sent.
 * <p>
 * With {@code Prefer: wait=N} (RFC 7240, at most {@link PreferWait#MAX}) the answer waits for the outcome, without
 * holding a servlet thread: 201 Created naming the appointment when it was booked, 409 Conflict when the slot is
 * taken, 422 for any other refusal, and the usual 202 when the wait runs out (see {@link WaitedAnswers}). A requestId
 * that already has an outcome is answered from it at once.
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
    private final OutcomeWaits waits;

    IntakeController(StreamBridge streamBridge, JsonMapper json, Validator validator, Outcomes outcomes,
            RequestServiceProperties properties, OutcomeWaits waits) {
        this.streamBridge = streamBridge;
        this.json = json;
        this.validator = validator;
        this.outcomes = outcomes;
        this.properties = properties;
        this.waits = waits;
    }

    @PostMapping(path = "/api/appointment-requests", consumes = "application/json")
    CompletableFuture<ResponseEntity<?>> submit(@RequestBody JsonNode body,
            @RequestHeader(name = PreferWait.PREFER, required = false) List<String> prefer, Caller caller) {
        if (!(body instanceof ObjectNode command)) {
            return now(problem(HttpStatus.BAD_REQUEST, "Not a booking request", "The body must be a JSON object.",
                    List.of()));
        }
        if (command.has("type") && !TYPE.equals(command.get("type").asString())) {
            return now(problem(HttpStatus.BAD_REQUEST, "Not a booking request",
                    "This endpoint takes RequestAppointment commands only.", List.of()));
        }
        command.put("type", TYPE);
        RequestAppointment request;
        try {
            request = (RequestAppointment) json.treeToValue(command, AppointmentRequestsMessage.class);
        }
        catch (JacksonException ex) {
            return now(problem(HttpStatus.BAD_REQUEST, "Unreadable booking request", ex.getOriginalMessage(),
                    List.of()));
        }
        List<FieldViolation> violations = FieldViolations.of(validator, request);
        if (!violations.isEmpty()) {
            return now(problem(HttpStatus.BAD_REQUEST, "Invalid booking request", violations.stream()
                    .map(violation -> violation.field() + ": " + violation.message())
                    .reduce((a, b) -> a + "; " + b).orElse(""), violations));
        }
        if (!caller.canRequestFor(request.patientId())) {
            return now(problem(HttpStatus.FORBIDDEN, "Not your booking", request.patientId() == null
                    ? "A patient books for itself by its patientId; only a scheduler may send patient details."
                    : "A patient may book only for itself: patientId must be the patient id of the token.", List.of()));
        }
        URI outcomeUrl = properties.outcomeBaseUrl().resolve("/api/appointment-requests/" + request.requestId());
        String payload = json.writeValueAsString(request);
        Optional<Duration> wait = PreferWait.from(prefer);
        Optional<Outcome> earlier = outcomes.find(request.requestId());
        if (earlier.isEmpty()) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("type", TYPE);
            headers.put("requestId", request.requestId());
            headers.put("contentType", "application/json");
            if (!QueueMessageSize.fits(payload, headers, QueueMessageSize.SQS_LIMIT_BYTES)) {
                return now(problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                        "The booking request would make a queue message larger than %d bytes."
                                .formatted(QueueMessageSize.SQS_LIMIT_BYTES), List.of()));
            }
            boolean sent = streamBridge.send(BINDING, MessageBuilder.withPayload(payload)
                    .copyHeaders(headers).build());
            if (!sent) {
                return now(problem(HttpStatus.SERVICE_UNAVAILABLE, "Queue unavailable",
                        "The request could not be queued; try again.", List.of()));
            }
        }
        Accepted accepted = new Accepted(request.requestId(), earlier.isPresent() ? "ANSWERED" : "QUEUED", outcomeUrl);
        if (wait.isEmpty()) {
            return now(ResponseEntity.accepted().location(outcomeUrl).body(accepted));
        }
        WaitedAnswers answers = new WaitedAnswers(properties.outcomeBaseUrl(), outcomeUrl, CommandFingerprint.of(payload),
                wait.get());
        if (earlier.isPresent()) {
            return now(answers.answer(earlier.get()));
        }
        return waits.await(request.requestId(), wait.get())
                .thenApply(outcome -> outcome.map(answers::answer).orElseGet(() -> answers.stillQueued(accepted)));
    }

    private static CompletableFuture<ResponseEntity<?>> now(ResponseEntity<?> response) {
        return CompletableFuture.completedFuture(response);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
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
