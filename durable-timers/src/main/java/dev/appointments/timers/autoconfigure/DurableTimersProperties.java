package dev.appointments.timers.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The durable timers of a service ({@code appointments.timers.*}, e.g.
 * {@code APPOINTMENTS_TIMERS_POLL_INTERVAL=2s}). The namespace is the service's
 * {@code spring.application.name}: each service schedules and releases only its own
 * timers.
 *
 * @param enabled whether the timers are wired at all
 * @param pollInterval pause between two rounds over the due timers; a timer fires within
 * about this long of its due time, plus the time its message waits in the queue
 * @param shards partitions of the service's timers; the same in every instance of the
 * service, never changed while timers are pending
 * @param batchSize timers released per DynamoDB query in one round
 * @param claimDuration how long a claimed timer is left to its instance before another
 * may take it over
 * @param instanceId who claims, in the timers table; the service name and a random id
 * when not set
 */
@ConfigurationProperties("appointments.timers")
public record DurableTimersProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("16") int shards, @DefaultValue("25") int batchSize, @DefaultValue("30s") Duration claimDuration,
        String instanceId) {

    public DurableTimersProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException(
                    "appointments.timers.poll-interval must be positive, was " + pollInterval);
        }
    }
}
