package dev.appointments.store.autoconfigure;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import dev.appointments.binder.sqs.consumer.RedeliveryDelay;

/**
 * How soon a message of the paused consumer binding comes back after DynamoDB failed it:
 * {@code redeliverAfter} when DynamoDB was down or the circuit open (the binding is
 * stopped meanwhile, so the early return costs no receive), and a random 1 s up to
 * {@code conflictRedeliverAfter} when its write kept colliding with other transactions,
 * as in the catch-up after an outage when a whole backlog arrives at once. Every other
 * failure waits for the visibility timeout.
 */
final class DynamoDbRedeliveryDelay implements RedeliveryDelay {

    private final DynamoDbResilienceProperties properties;

    DynamoDbRedeliveryDelay(DynamoDbResilienceProperties properties) {
        this.properties = properties;
    }

    @Override
    public Optional<Duration> after(String binding, Throwable failure) {
        if (!binding.equals(properties.consumerBinding())) {
            return Optional.empty();
        }
        if (ResilientDynamoDbCalls.isOutageOrOpenCircuit(failure)) {
            return Optional.of(properties.redeliverAfter());
        }
        if (ResilientDynamoDbCalls.isConflict(failure)) {
            // Spread out, so that the colliding messages do not collide again.
            long upTo = Math.max(1, properties.conflictRedeliverAfter().toSeconds());
            return Optional.of(Duration.ofSeconds(ThreadLocalRandom.current().nextLong(1, upTo + 1)));
        }
        return Optional.empty();
    }

}
