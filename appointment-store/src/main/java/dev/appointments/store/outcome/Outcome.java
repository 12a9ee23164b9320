package dev.appointments.store.outcome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import dev.appointments.model.ReasonCode;

/**
 * What became of a command.
 *
 * @param requestId the producer's idempotency key
 * @param commandType the command's {@code type}
 * @param fingerprint a digest of the command's content, to tell a redelivery from a
 * reused requestId
 * @param status accepted or rejected
 * @param reason the {@link ReasonCode} of a rejection, by name; {@code null} when
 * accepted
 * @param message a sentence for people
 * @param appointmentId the appointment the command created or changed, when there is one
 * @param recordedAt when the outcome was recorded
 * @param deadLetterQueue the dead-letter queue the command's message was moved to because
 * it could not be read; {@code null} for a command that was read
 * @param laterSubmissions other commands sent later under the same requestId, each
 * refused; the outcome itself never changes
 * @param patientId the patient a booking was for, when the command named one: lets the
 * patient read a refusal that created no appointment
 * @param facts the facts the command published when it was accepted, each as the JSON it
 * was sent as, so that a redelivery publishes them again exactly; {@code null} for an
 * outcome recorded before facts were stored
 */
public record Outcome(String requestId, String commandType, String fingerprint, OutcomeStatus status, String reason,
        String message, String appointmentId, Instant recordedAt, String deadLetterQueue,
        List<LaterSubmission> laterSubmissions, String patientId, List<String> facts) {

    public Outcome {
        laterSubmissions = laterSubmissions == null ? List.of() : List.copyOf(laterSubmissions);
        facts = facts == null ? null : List.copyOf(facts);
    }

    /** An outcome without stored facts. */
    public Outcome(String requestId, String commandType, String fingerprint, OutcomeStatus status, String reason,
            String message, String appointmentId, Instant recordedAt, String deadLetterQueue,
            List<LaterSubmission> laterSubmissions, String patientId) {
        this(requestId, commandType, fingerprint, status, reason, message, appointmentId, recordedAt, deadLetterQueue,
                laterSubmissions, patientId, null);
    }

    public static Outcome accepted(String requestId, String commandType, String fingerprint, String appointmentId,
            String message, Instant at) {
        return new Outcome(requestId, commandType, fingerprint, OutcomeStatus.ACCEPTED, null, message, appointmentId,
                at, null, List.of(), null);
    }

    public static Outcome rejected(String requestId, String commandType, String fingerprint, ReasonCode reason,
            String message, String appointmentId, Instant at) {
        return new Outcome(requestId, commandType, fingerprint, OutcomeStatus.REJECTED, reason.name(), message,
                appointmentId, at, null, List.of(), null);
    }

    /** This outcome, naming the patient the command was for. */
    public Outcome withPatientId(String patient) {
        return new Outcome(requestId, commandType, fingerprint, status, reason, message, appointmentId, recordedAt,
                deadLetterQueue, laterSubmissions, patient, facts);
    }

    /** This outcome, with the facts its command published (as JSON). */
    public Outcome withFacts(List<String> published) {
        return new Outcome(requestId, commandType, fingerprint, status, reason, message, appointmentId, recordedAt,
                deadLetterQueue, laterSubmissions, patientId, published);
    }

    /** Whether this outcome was recorded for the same command content. */
    public boolean sameCommand(String otherFingerprint) {
        return fingerprint != null && fingerprint.equals(otherFingerprint);
    }

    /**
     * The refusal of {@code laterCommand}, a different command sent under this outcome's
     * requestId.
     */
    public LaterSubmission refusal(String laterCommandType, String laterFingerprint, Instant at) {
        return new LaterSubmission(at, laterCommandType, laterFingerprint, ReasonCode.DUPLICATE_REQUEST_ID.name());
    }

    /** The fingerprint of a command's content: the SHA-256 of its text, in hex. */
    public static String fingerprintOf(String content) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
