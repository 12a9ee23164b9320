package dev.appointments.store.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service calls DynamoDB ({@code appointments.dynamodb.*}, e.g.
 * {@code APPOINTMENTS_DYNAMODB_CIRCUIT_OPEN_FOR}).
 *
 * @param retryAttempts attempts of a call that was throttled or collided with another
 * transaction, the first included
 * @param retryMaxBackoff the longest wait between two attempts (they start at 25 ms and
 * double, each randomised by half either way); keep
 * {@code retryAttempts x retryMaxBackoff} well inside the visibility timeout
 * @param circuitOpenFor how long the circuit stays open (calls fail at once) before calls
 * are tried again
 * @param consumerBinding the consumer binding to stop while the circuit is open, so that
 * its messages wait on the queue instead of spending their receives towards the
 * dead-letter queue; none for a service without one
 * @param redeliverAfter how long a message of that binding stays hidden after it failed
 * because DynamoDB was down or the circuit open (instead of the queue's visibility
 * timeout); about {@code circuitOpenFor}, since the binding stays stopped at least that
 * long
 * @param conflictRedeliverAfter a message of that binding whose write still collided with
 * other transactions after {@code retryAttempts} comes back after a random delay of 1 s
 * up to this long, not after the visibility timeout
 */
@ConfigurationProperties("appointments.dynamodb")
public record DynamoDbResilienceProperties(@DefaultValue("6") int retryAttempts,
        @DefaultValue("1s") Duration retryMaxBackoff, @DefaultValue("10s") Duration circuitOpenFor,
        String consumerBinding, @DefaultValue("10s") Duration redeliverAfter,
        @DefaultValue("5s") Duration conflictRedeliverAfter) {
}
