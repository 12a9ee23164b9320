package dev.appointments.binder.sqs.consumer;

import java.time.Duration;
import java.util.Optional;

/**
 * How soon SQS offers a message again after the function failed on it. Without an answer,
 * the message stays hidden for the binding's visibility timeout; with one, the binder
 * shortens that wait (ChangeMessageVisibility), e.g. for a failure that says a dependency
 * is down and will be tried again shortly. An application declares at most one bean of
 * this type; every consumer binding asks it.
 *
 * <p>
 * Each redelivery counts towards the queue's {@code maxReceiveCount}: a short delay suits
 * only a failure whose cause also keeps the consumer from receiving while it lasts (a
 * paused binding), or the message may reach the dead-letter queue during a long outage.
 */
@FunctionalInterface
public interface RedeliveryDelay {

    /**
     * @param binding the consumer binding whose function failed, e.g.
     * {@code bookings-in-0}
     * @param failure the function's exception, without Spring's messaging wrappers
     * @return how long the message stays hidden from now on, or empty for the binding's
     * visibility timeout
     */
    Optional<Duration> after(String binding, Throwable failure);

}
