package dev.appointments.timers;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message to release to a queue at a due time.
 *
 * @param timerId a deterministic id: scheduling the same id at the same due time twice
 * keeps one timer
 * @param dueAt when the message is to be released
 * @param queue the name of the queue the message goes to
 * @param body the message body
 * @param attributes the message's string attributes (such as {@code type}), empty when
 * there are none
 */
public record Timer(String timerId, Instant dueAt, String queue, String body, Map<String, String> attributes) {

    public Timer {
        Objects.requireNonNull(timerId, "timerId");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(body, "body");
        if (timerId.isBlank() || timerId.contains("#")) {
            // '#' separates the due instant from the id in the sort key.
            throw new IllegalArgumentException("A timer id must be non-blank and free of '#'");
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
