package dev.appointments.faults.drive;

/**
 * A message body as a producer sends it, with what the suite knows about it.
 *
 * @param requestId the requestId it carries, or {@code null} when it has none that can be
 * read
 * @param type the command type, sent as the {@code type} message attribute, or
 * {@code null}
 * @param body the exact body
 */
public record Command(String requestId, String type, String body) {
}
