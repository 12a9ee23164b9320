package dev.appointments.request.intake;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.appointments.model.ReasonCode;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.OutcomeStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answers of an intake request whose client asked to wait ({@code Prefer: wait=N}),
 * each carrying {@code Preference-Applied}: the outcome as an HTTP status, so that a
 * browser or any plain HTTP client learns at once whether it got the slot or whether its
 * appointment moved.
 * <p>
 * An outcome recorded for different content under the same requestId (a reused key) is
 * not this request's answer and is not shown: it may be someone else's booking. That is a
 * 422 naming the reuse, as the IETF's Idempotency-Key draft answers a key reused with
 * another payload.
 *
 * @param appointmentsBaseUrl the query-service's base URL, where the appointment can be
 * read
 * @param outcomeUrl where the outcome of this request is read
 * @param fingerprint the digest of this request's content, compared with the outcome's
 * @param waited the wait that was honoured
 */
record WaitedAnswers(URI appointmentsBaseUrl, URI outcomeUrl, String fingerprint, Duration waited) {

    /**
     * The refusals that are about the state of things, which the same command may meet
     * later: 409 Conflict.
     */
    static final Set<String> CONFLICTS = Set.of(ReasonCode.SLOT_UNAVAILABLE.name(),
            ReasonCode.ILLEGAL_TRANSITION.name(), ReasonCode.CHANGED_CONCURRENTLY.name());

    /**
     * 201 with the appointment's URL for a booking, 200 with the outcome for any other
     * command carried out, 409 when the slot is taken or the appointment's state or
     * version stood in the way, 422 for any other refusal.
     */
    ResponseEntity<?> answer(Outcome outcome) {
        if (!outcome.sameCommand(fingerprint)) {
            return refusal(HttpStatus.UNPROCESSABLE_CONTENT, "requestId already used",
                    "This requestId was already used for a different command; send this one with a new requestId.",
                    ReasonCode.DUPLICATE_REQUEST_ID.name(), outcome.requestId());
        }
        if (outcome.status() == OutcomeStatus.ACCEPTED) {
            if (!"RequestAppointment".equals(outcome.commandType())) {
                return ResponseEntity.ok()
                    .header(PreferWait.PREFERENCE_APPLIED, PreferWait.applied(waited))
                    .header(HttpHeaders.CONTENT_LOCATION, outcomeUrl.toString())
                    .body(OutcomeBody.of(outcome));
            }
            URI location = outcome.appointmentId() == null ? outcomeUrl
                    : appointmentsBaseUrl.resolve("/api/appointments/" + outcome.appointmentId());
            return ResponseEntity.created(location)
                .header(PreferWait.PREFERENCE_APPLIED, PreferWait.applied(waited))
                .header(HttpHeaders.CONTENT_LOCATION, outcomeUrl.toString())
                .body(OutcomeBody.of(outcome));
        }
        if (CONFLICTS.contains(outcome.reason())) {
            return refusal(HttpStatus.CONFLICT, titleOf(outcome.reason()), outcome.message(), outcome.reason(),
                    outcome.requestId());
        }
        return refusal(HttpStatus.UNPROCESSABLE_CONTENT, "Command refused", outcome.message(), outcome.reason(),
                outcome.requestId());
    }

    /**
     * 202 as without a wait: the outcome was not recorded in time, and will be at the
     * outcome's URL.
     */
    ResponseEntity<?> stillQueued(CommandSubmissions.Accepted accepted) {
        return ResponseEntity.accepted()
            .location(outcomeUrl)
            .header(PreferWait.PREFERENCE_APPLIED, PreferWait.applied(waited))
            .body(accepted);
    }

    private ResponseEntity<ProblemDetail> refusal(HttpStatus status, String title, String detail, String reason,
            String requestId) {
        return ResponseEntity.status(status)
            .header(PreferWait.PREFERENCE_APPLIED, PreferWait.applied(waited))
            .body(Problems.refusal(status, title, detail, reason, requestId));
    }

    private static String titleOf(String reason) {
        return switch (ReasonCode.valueOf(reason)) {
            case SLOT_UNAVAILABLE -> "Slot unavailable";
            case ILLEGAL_TRANSITION -> "Not possible in the appointment's state";
            default -> "Appointment changed meanwhile";
        };
    }

    /**
     * The outcome of a request, as the query-service shows it at the outcome's URL.
     *
     * @param reason the machine-readable reason of a rejection; absent when accepted
     * @param appointmentId the appointment the request created
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OutcomeBody(String requestId, String commandType, OutcomeStatus status, String reason, String message,
            String appointmentId, Instant recordedAt) {

        static OutcomeBody of(Outcome outcome) {
            return new OutcomeBody(outcome.requestId(), outcome.commandType(), outcome.status(), outcome.reason(),
                    outcome.message(), outcome.appointmentId(), outcome.recordedAt());
        }
    }
}
