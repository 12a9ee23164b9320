package dev.appointments.queuemetrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which queues a service watches ({@code appointments.queue-metrics.*}, each overridable
 * by environment variable, e.g. {@code APPOINTMENTS_QUEUEMETRICS_INTERVAL=30s}).
 *
 * @param queues the work queues; their dead-letter queues ({@code <name>-dlq}) are added
 * unless {@code deadLetterQueues} is false
 * @param interval how often the queue attributes are read; a scrape only reads the last
 * values, so Prometheus can scrape as often as it likes without calling SQS
 * @param deadLetterQueues whether each queue's {@code -dlq} is watched too
 * @param enabled false turns the polling and the gauges off
 */
@ConfigurationProperties("appointments.queue-metrics")
public record QueueMetricsProperties(List<String> queues, @DefaultValue("10s") Duration interval,
        @DefaultValue("true") boolean deadLetterQueues, @DefaultValue("true") boolean enabled) {

    /** Suffix of a dead-letter queue's name, as the provisioning code names them. */
    public static final String DLQ_SUFFIX = "-dlq";

    public QueueMetricsProperties {
        queues = queues == null ? List.of()
                : queues.stream().map(String::trim).filter(name -> !name.isEmpty()).distinct().toList();
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("appointments.queue-metrics.interval must be positive");
        }
    }

    /** The queues to poll: each configured queue followed by its dead-letter queue. */
    public List<String> watchedQueues() {
        List<String> watched = new ArrayList<>();
        for (String queue : queues) {
            watched.add(queue);
            if (deadLetterQueues && !queue.endsWith(DLQ_SUFFIX)) {
                watched.add(queue + DLQ_SUFFIX);
            }
        }
        return watched.stream().distinct().toList();
    }
}
