package dev.appointments.queuemetrics;

import java.util.function.ToDoubleBiFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The gauges of every watched queue, tagged {@code queue} (its name) and {@code kind}
 * ({@code work} or {@code dead-letter}). They read the poller's last answer, never SQS.
 */
final class QueueDepthMeters implements MeterBinder {

    static final String VISIBLE = "sqs.queue.messages.visible";

    static final String IN_FLIGHT = "sqs.queue.messages.in.flight";

    static final String DELAYED = "sqs.queue.messages.delayed";

    private final QueueDepthPoller poller;

    QueueDepthMeters(QueueDepthPoller poller) {
        this.poller = poller;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : poller.queues()) {
            gauge(registry, VISIBLE, queue, QueueDepthPoller::visible, "Messages waiting to be received");
            gauge(registry, IN_FLIGHT, queue, QueueDepthPoller::inFlight,
                    "Messages received and neither deleted nor visible again yet");
            gauge(registry, DELAYED, queue, QueueDepthPoller::delayed, "Messages whose delivery delay has not passed");
        }
    }

    private void gauge(MeterRegistry registry, String name, String queue,
            ToDoubleBiFunction<QueueDepthPoller, String> value, String description) {
        Gauge.builder(name, poller, p -> value.applyAsDouble(p, queue))
            .tag("queue", queue)
            .tag("kind", queue.endsWith(QueueMetricsProperties.DLQ_SUFFIX) ? "dead-letter" : "work")
            .description(description + " (approximate, polled)")
            .register(registry);
    }

}
