package dev.appointments.store.command;

/**
 * What every command is known by while it is handled.
 *
 * @param requestId the producer's idempotency key
 * @param type the command's JSON {@code type}
 * @param fingerprint digest of the command's content, to tell a redelivery from a reused
 * requestId
 * @param patientId the patient a booking names by id, recorded with a refusal so that the
 * patient can read it; {@code null} for other commands
 */
public record Command(String requestId, String type, String fingerprint, String patientId) {

    /**
     * The command of this queued payload (the JSON as {@link CommandFingerprint#payload}
     * writes it).
     */
    public static Command of(String requestId, String type, String payload, String patientId) {
        return new Command(requestId, type, CommandFingerprint.of(payload), patientId);
    }
}
