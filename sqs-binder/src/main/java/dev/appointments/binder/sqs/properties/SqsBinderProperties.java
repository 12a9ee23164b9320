package dev.appointments.binder.sqs.properties;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Binder-wide settings, {@code spring.cloud.stream.sqs.binder.*}.
 *
 * @param autoCreateQueues create missing queues and their dead-letter queues and correct
 * their attributes; switch off where infrastructure code owns the queues, the binder then
 * only resolves them and fails when one is missing
 * @param deadLetterQueueRetention how long a dead-letter queue keeps messages (SQS allows
 * up to 14 days)
 */
@ConfigurationProperties("spring.cloud.stream.sqs.binder")
public record SqsBinderProperties(@DefaultValue("true") boolean autoCreateQueues,
        @DefaultValue("14d") Duration deadLetterQueueRetention) {

    /** The suffix that names a queue's dead-letter queue. */
    public static final String DEAD_LETTER_QUEUE_SUFFIX = "-dlq";

    public static SqsBinderProperties defaults() {
        return new SqsBinderProperties(true, Duration.ofDays(14));
    }
}
