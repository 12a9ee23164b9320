package dev.appointments.store.outcome;

import java.time.Instant;

/**
 * A command sent after the first one under the same requestId, with other content:
 * refused, recorded with the first command's outcome so that its producer learns of it,
 * and otherwise ignored.
 *
 * @param at when it was refused
 * @param commandType its {@code type}
 * @param fingerprint the fingerprint of its content; a redelivery of it is recorded once
 * @param reason why it was refused: {@code DUPLICATE_REQUEST_ID}
 */
public record LaterSubmission(Instant at, String commandType, String fingerprint, String reason) {
}
