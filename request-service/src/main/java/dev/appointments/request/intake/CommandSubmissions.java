package dev.appointments.request.intake;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.appointments.model.FieldViolation;
import dev.appointments.model.FieldViolations;
import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.request.RequestServiceProperties;
import dev.appointments.security.Caller;
import dev.appointments.model.ReasonCode;
import dev.appointments.store.command.CommandFingerprint;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import jakarta.validation.Validator;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one way a command given over HTTP reaches its queue: its JSON is read as the
 * contract's record, checked against the contract and the caller's rights, written back
 * as a producer would write it, and sent to the queue the command belongs to, where it is
 * handled exactly like a producer's message. Every HTTP route of the intake ends here.
 * <p>
 * The requestId is the {@code Idempotency-Key} header, else the body's {@code requestId},
 * else a new one. A requestId with an outcome already is answered from it and nothing is
 * sent again; one used before for another command is 422. Without {@code Prefer: wait}
 * the answer is 202 with the outcome's URL; with it, the outcome itself when it comes in
 * time (see {@link WaitedAnswers}).
 */
@Component
class CommandSubmissions {

    /** The request header of the IETF's Idempotency-Key draft, carrying the requestId. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final StreamBridge streamBridge;

    private final JsonMapper json;

    private final Validator validator;

    private final Outcomes outcomes;

    private final RequestServiceProperties properties;

    private final OutcomeWaits waits;

    private final CommandAccess access;

    CommandSubmissions(StreamBridge streamBridge, JsonMapper json, Validator validator, Outcomes outcomes,
            RequestServiceProperties properties, OutcomeWaits waits, CommandAccess access) {
        this.streamBridge = streamBridge;
        this.json = json;
        this.validator = validator;
        this.outcomes = outcomes;
        this.properties = properties;
        this.waits = waits;
        this.access = access;
    }

    /**
     * Submits the command of this JSON object, whose {@code type} names one of
     * {@link CommandKind}.
     * @param body the command; its {@code requestId} is set here from the key when there
     * is one
     * @param idempotencyKey the {@code Idempotency-Key} header, or null
     * @param prefer the {@code Prefer} header values, or null
     */
    CompletableFuture<ResponseEntity<?>> submit(ObjectNode body, String idempotencyKey, List<String> prefer,
            Caller caller) {
        // A type that is not a string is no known type: refused as such, like a misspelt
        // one.
        String type = body.path("type").isString() ? body.path("type").stringValue() : "";
        Optional<CommandKind> found = CommandKind.ofType(type);
        if (found.isEmpty()) {
            return now(Problems.of(HttpStatus.BAD_REQUEST, "Not a command",
                    "type must be one of " + java.util.Arrays.stream(CommandKind.values())
                        .map(CommandKind::type)
                        .collect(Collectors.joining(", ")) + "."));
        }
        CommandKind kind = found.get();
        Optional<String> requestId = requestId(body, idempotencyKey);
        if (requestId.isEmpty()) {
            return now(Problems.of(HttpStatus.BAD_REQUEST, "Two request ids",
                    "The Idempotency-Key header and the body's requestId differ; send one of them, or the same."));
        }
        body.put("requestId", requestId.get());
        Object command;
        try {
            command = json.treeToValue(body, kind.queue().contract());
        }
        catch (JacksonException ex) {
            return now(Problems.of(HttpStatus.BAD_REQUEST, "Unreadable command", ex.getOriginalMessage()));
        }
        List<FieldViolation> violations = FieldViolations.of(validator, command);
        if (!violations.isEmpty()) {
            return now(Problems.of(HttpStatus.BAD_REQUEST, "Invalid command",
                    violations.stream()
                        .map(violation -> violation.field() + ": " + violation.message())
                        .collect(Collectors.joining("; ")),
                    violations));
        }
        Optional<ResponseEntity<ProblemDetail>> refused = access.refusal(kind, command, caller);
        if (refused.isPresent()) {
            return now(refused.get());
        }
        return send(kind, requestId.get(), write(kind, command), PreferWait.from(prefer));
    }

    private CompletableFuture<ResponseEntity<?>> send(CommandKind kind, String requestId, String payload,
            Optional<Duration> wait) {
        URI outcomeUrl = properties.outcomeBaseUrl().resolve("/api/appointment-requests/" + requestId);
        String fingerprint = CommandFingerprint.of(payload);
        Optional<Outcome> earlier = outcomes.find(requestId);
        if (earlier.isPresent() && !earlier.get().sameCommand(fingerprint)) {
            // The outcome answers another command: it may be someone else's, so nothing
            // of it is shown.
            return now(ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(Problems.refusal(HttpStatus.UNPROCESSABLE_CONTENT, "requestId already used",
                        "This requestId was already used for a different command; send this one with a new requestId.",
                        ReasonCode.DUPLICATE_REQUEST_ID.name(), requestId)));
        }
        if (earlier.isEmpty()) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("type", kind.type());
            headers.put("requestId", requestId);
            headers.put("contentType", "application/json");
            if (!QueueMessageSize.fits(payload, headers, QueueMessageSize.SQS_LIMIT_BYTES)) {
                return now(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                        "The command would make a queue message larger than %d bytes."
                            .formatted(QueueMessageSize.SQS_LIMIT_BYTES)));
            }
            boolean sent;
            try {
                sent = streamBridge.send(kind.queue().binding(),
                        MessageBuilder.withPayload(payload).copyHeaders(headers).build());
            }
            catch (RuntimeException queueUnreachable) {
                // SQS did not take the message (an outage, a network fault): nothing was
                // queued, so the same
                // Idempotency-Key may be sent again safely.
                sent = false;
            }
            if (!sent) {
                return now(queueUnavailable());
            }
        }
        Accepted accepted = new Accepted(requestId, earlier.isPresent() ? "ANSWERED" : "QUEUED", outcomeUrl);
        if (wait.isEmpty()) {
            return now(ResponseEntity.accepted().location(outcomeUrl).body(accepted));
        }
        WaitedAnswers answers = new WaitedAnswers(properties.outcomeBaseUrl(), outcomeUrl, fingerprint, wait.get());
        if (earlier.isPresent()) {
            return now(answers.answer(earlier.get()));
        }
        return waits.await(requestId, wait.get())
            .thenApply(outcome -> outcome.map(answers::answer).orElseGet(() -> answers.stillQueued(accepted)));
    }

    /**
     * The command as its queue's consumer writes it when it takes the command's
     * fingerprint, so that the outcome it records is recognised here as this command's.
     */
    private String write(CommandKind kind, Object command) {
        return CommandFingerprint.payload(json, kind.queue().contract(), command);
    }

    /**
     * The requestId of the key or the body, a new one when neither has one, empty when
     * they differ.
     */
    private static Optional<String> requestId(ObjectNode body, String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : unquote(idempotencyKey.trim());
        JsonNode inBody = body.get("requestId");
        String given = inBody == null || inBody.isNull() ? null
                : inBody.isString() ? inBody.stringValue() : inBody.toString();
        if (key != null && given != null && !key.equals(given)) {
            return Optional.empty();
        }
        return Optional.of(key != null ? key : given != null ? given : "http-" + UUID.randomUUID());
    }

    /**
     * The draft makes the key a structured-field string ({@code "abc"}); a bare token is
     * taken as well.
     */
    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /**
     * 503 with Retry-After: the queue did not take the command; sending it again with the
     * same key is safe.
     */
    private static ResponseEntity<?> queueUnavailable() {
        ResponseEntity<org.springframework.http.ProblemDetail> problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "Queue unavailable", "The command could not be queued; send it again with the same Idempotency-Key.");
        return ResponseEntity.status(problem.getStatusCode())
            .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "5")
            .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem.getBody());
    }

    private static CompletableFuture<ResponseEntity<?>> now(ResponseEntity<?> response) {
        return CompletableFuture.completedFuture(response);
    }

    /**
     * The answer to an accepted submission.
     *
     * @param requestId the request's idempotency key
     * @param status QUEUED, or ANSWERED when an outcome exists already (the same
     * requestId was submitted before)
     * @param outcomeUrl where the outcome appears
     */
    record Accepted(String requestId, String status, URI outcomeUrl) {
    }

}
