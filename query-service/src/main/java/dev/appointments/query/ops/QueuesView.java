package dev.appointments.query.ops;

import java.time.Instant;
import java.util.List;

/**
 * Every watched queue with its dead-letter queue, as SQS reported them at {@code readAt}.
 */
record QueuesView(List<QueueView> queues, Instant readAt) {
}
