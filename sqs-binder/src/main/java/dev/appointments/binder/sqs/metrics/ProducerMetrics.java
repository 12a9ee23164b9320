package dev.appointments.binder.sqs.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The meters of one producer binding, tagged with {@code binding} and {@code queue}.
 */
public final class ProducerMetrics {

    private final Counter sent;

    private final Counter sendFailed;

    private ProducerMetrics(MeterRegistry registry, Tags tags) {
        this.sent = Counter.builder(MeterNames.SENT).description("Messages SQS accepted").tags(tags).register(registry);
        this.sendFailed = Counter.builder(MeterNames.SEND_FAILED)
            .description("Messages that could not be sent")
            .tags(tags)
            .register(registry);
    }

    public static ProducerMetrics of(MeterRegistry registry, String binding, String queue) {
        return new ProducerMetrics(registry, MeterNames.tags(binding, queue));
    }

    public void sent() {
        sent.increment();
    }

    public void sendFailed() {
        sendFailed.increment();
    }

}
