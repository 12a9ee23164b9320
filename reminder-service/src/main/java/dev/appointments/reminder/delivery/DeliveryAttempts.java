package dev.appointments.reminder.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Delivers through a channel with bounded retries and exponential backoff, and turns the
 * end of it into a {@link DeliveryResult}: a delivery that keeps failing ends as a
 * recorded failure, never as an exception that would make SQS redeliver the message and
 * the patient receive the other channels' copies again.
 */
public final class DeliveryAttempts {

    private final RetryConfig config;

    private final Clock clock;

    public DeliveryAttempts(int maxAttempts, Duration initialBackoff, double multiplier, Clock clock) {
        this.config = RetryConfig.custom()
            .maxAttempts(maxAttempts)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(initialBackoff, multiplier))
            .retryOnException(failure -> failure instanceof DeliveryFailed failed && failed.retryable())
            .build();
        this.clock = clock;
    }

    public DeliveryResult deliver(Channel channel, Notice notice) {
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<DeliveryFailed> last = new AtomicReference<>();
        Retry retry = Retry.of(channel.name(), config);
        try {
            Retry.decorateRunnable(retry, () -> {
                attempts.incrementAndGet();
                try {
                    channel.deliver(notice);
                }
                catch (DeliveryFailed failed) {
                    last.set(failed);
                    throw failed;
                }
            }).run();
            return new DeliveryResult(channel.name(), DeliveryStatus.SENT, attempts.get(), null, clock.instant());
        }
        catch (DeliveryFailed failed) {
            return new DeliveryResult(channel.name(), DeliveryStatus.FAILED, attempts.get(), failed.reason(),
                    clock.instant());
        }
    }

}
