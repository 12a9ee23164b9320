package dev.appointments.resources;

import java.time.Duration;

/**
 * A work queue and its dead-letter queue, joined by an SQS redrive policy.
 *
 * @param name the queue's name
 * @param maxReceiveCount receives after which SQS moves a message to the dead-letter
 * queue
 * @param visibilityTimeout how long a received message stays hidden before it is
 * delivered again
 */
public record QueueDefinition(String name, int maxReceiveCount, Duration visibilityTimeout) {

    /** Suffix of every dead-letter queue's name. */
    public static final String DLQ_SUFFIX = "-dlq";

    /**
     * Dead letters are kept for the SQS maximum, 14 days, so operators can inspect and
     * redrive them.
     */
    public static final Duration DLQ_RETENTION = Duration.ofDays(14);

    public QueueDefinition {
        if (name == null || name.isBlank() || name.endsWith(DLQ_SUFFIX)) {
            throw new IllegalArgumentException("queue name must be non-blank and not end in " + DLQ_SUFFIX);
        }
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw new IllegalArgumentException("maxReceiveCount must be 1..1000, was " + maxReceiveCount);
        }
    }

    public String deadLetterQueueName() {
        return name + DLQ_SUFFIX;
    }
}
