package dev.appointments.store.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the records that nobody needs once they are old are kept before DynamoDB's
 * time to live removes them ({@code appointments.retention.*}, e.g.
 * {@code APPOINTMENTS_RETENTION_OUTCOMES=60d}). Appointments, patients, providers and
 * calendars are never removed.
 *
 * @param outcomes after its recording, a command's outcome; at least 15 days, since SQS
 * may deliver a message up to 14 days after it was sent and its outcome is what makes the
 * redelivery harmless
 * @param notifications after its last claim, a notification's record; at least 15 days,
 * for the same reason
 * @param timers after its due time, a durable timer that was never sent and deleted; at
 * least a day
 */
@ConfigurationProperties("appointments.retention")
public record RetentionProperties(@DefaultValue("30d") Duration outcomes, @DefaultValue("30d") Duration notifications,
        @DefaultValue("7d") Duration timers) {

    /**
     * SQS keeps a message 14 days at most, counted from when it was first sent,
     * dead-letter queue included.
     */
    private static final Duration LONGEST_MESSAGE_LIFE = Duration.ofDays(14);

    public RetentionProperties {
        requireLongerThanAMessageLives("outcomes", outcomes);
        requireLongerThanAMessageLives("notifications", notifications);
        if (timers.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("appointments.retention.timers must be at least a day, was " + timers);
        }
    }

    private static void requireLongerThanAMessageLives(String name, Duration retention) {
        if (retention.compareTo(LONGEST_MESSAGE_LIFE.plusDays(1)) < 0) {
            throw new IllegalArgumentException("appointments.retention." + name + " must be at least 15 days, longer "
                    + "than SQS keeps a message, or a late redelivery would act twice; was " + retention);
        }
    }
}
