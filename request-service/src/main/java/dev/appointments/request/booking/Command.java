package dev.appointments.request.booking;

/**
 * What every command is known by while it is handled.
 *
 * @param requestId the producer's idempotency key
 * @param type the command's JSON {@code type}
 * @param fingerprint digest of the command's content
 * @param patientId the patient a booking names by id, recorded with a refusal so that the patient can read it
 */
record Command(String requestId, String type, String fingerprint, String patientId) {
}
