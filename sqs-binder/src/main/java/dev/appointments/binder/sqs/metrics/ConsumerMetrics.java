package dev.appointments.binder.sqs.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of one consumer binding, tagged with {@code binding} and {@code queue}.
 */
public final class ConsumerMetrics {

    private final MeterRegistry registry;

    private final Counter received;

    private final Counter succeeded;

    private final Counter failed;

    private final Counter deadLettered;

    private final Timer processing;

    private ConsumerMetrics(MeterRegistry registry, Tags tags) {
        this.registry = registry;
        this.received = Counter.builder(MeterNames.RECEIVED)
            .description("Messages handed to the function")
            .tags(tags)
            .register(registry);
        this.succeeded = Counter.builder(MeterNames.SUCCEEDED)
            .description("Messages the function processed without an exception; they are deleted")
            .tags(tags)
            .register(registry);
        this.failed = Counter.builder(MeterNames.FAILED)
            .description("Messages the function failed on; they stay on the queue for redelivery")
            .tags(tags)
            .register(registry);
        this.deadLettered = Counter.builder(MeterNames.DEAD_LETTERED)
            .description("Messages the function failed on with a non-retryable exception; moved to the "
                    + "dead-letter queue at once")
            .tags(tags)
            .register(registry);
        this.processing = Timer.builder(MeterNames.PROCESSING)
            .description("Time the function took per message")
            .tags(tags)
            .register(registry);
    }

    public static ConsumerMetrics of(MeterRegistry registry, String binding, String queue) {
        return new ConsumerMetrics(registry, MeterNames.tags(binding, queue));
    }

    /** Counts a received message and starts timing it. */
    public Timer.Sample received() {
        received.increment();
        return Timer.start(registry);
    }

    public void succeeded(Timer.Sample sample) {
        sample.stop(processing);
        succeeded.increment();
    }

    public void deadLettered(Timer.Sample sample) {
        sample.stop(processing);
        deadLettered.increment();
    }

    public void failed(Timer.Sample sample) {
        sample.stop(processing);
        failed.increment();
    }

}
