package dev.appointments.store.outcome;

import java.time.Instant;

/**
 * What became of a command.
 *
 * @param requestId the producer's idempotency key
 * @param commandType the command's {@code type}
 * @param fingerprint a digest of the command's content, to tell a redelivery from a reused requestId
 * @param status accepted or rejected
 * @param reason machine-readable reason code of a rejection, {@code null} when accepted
 * @param message a sentence for people
 * @param appointmentId the appointment the command created or changed, when there is one
 * @param recordedAt when the outcome was recorded
 * @param patientId the patient a booking was for, when the command named one: lets the patient read a refusal that
 *        created no appointment
 */
public record Outcome(String requestId, String commandType, String fingerprint, OutcomeStatus status, String reason,
        String message, String appointmentId, Instant recordedAt, String patientId) {

    public static Outcome accepted(String requestId, String commandType, String fingerprint, String appointmentId,
            String message, Instant at) {
        return new Outcome(requestId, commandType, fingerprint, OutcomeStatus.ACCEPTED, null, message, appointmentId, at,
                null);
    }

    public static Outcome rejected(String requestId, String commandType, String fingerprint, String reason,
            String message, String appointmentId, Instant at) {
        return new Outcome(requestId, commandType, fingerprint, OutcomeStatus.REJECTED, reason, message, appointmentId, at,
                null);
    }

    /** This outcome, naming the patient the command was for. */
    public Outcome withPatientId(String patient) {
        return new Outcome(requestId, commandType, fingerprint, status, reason, message, appointmentId, recordedAt,
                patient);
    }

    /** Whether this outcome was recorded for the same command content. */
    public boolean sameCommand(String otherFingerprint) {
        return fingerprint != null && fingerprint.equals(otherFingerprint);
    }
}
