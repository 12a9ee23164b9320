package dev.appointments.confirmation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the confirmation-service, each overridable by environment variable
 * ({@code APPOINTMENTS_CONFIRMATION_TIMERS_POLL_INTERVAL}, ...).
 *
 * @param confirmationsQueue the queue hold timers are released to: the one this service consumes
 * @param timers how the durable timers are polled
 */
@ConfigurationProperties("appointments.confirmation")
public record ConfirmationServiceProperties(@DefaultValue("appointment-confirmations") String confirmationsQueue,
        @DefaultValue Timers timers) {

    /**
     * The durable timers (hold expiry).
     *
     * @param pollInterval pause between two rounds over the due timers; a timer fires within about this long of its
     *        due time
     * @param shards partitions of the timers table; the same in every service and instance, never changed while
     *        timers are pending
     * @param batchSize timers claimed per query in one round
     * @param claimDuration how long a claimed timer is left to its instance before another may take it over
     * @param instanceId who claims, in the timers table; a random id when not set
     */
    public record Timers(@DefaultValue("5s") Duration pollInterval, @DefaultValue("16") int shards,
            @DefaultValue("25") int batchSize, @DefaultValue("30s") Duration claimDuration, String instanceId) {
    }
}
