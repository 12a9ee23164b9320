package dev.appointments.confirmation.lifecycle;

/**
 * What a producer command is known by while it is handled.
 *
 * @param requestId the producer's idempotency key
 * @param type the command's JSON {@code type}
 * @param fingerprint digest of the command's content, to tell a redelivery from a reused requestId
 */
record Command(String requestId, String type, String fingerprint) {
}
