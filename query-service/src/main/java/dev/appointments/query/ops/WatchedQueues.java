package dev.appointments.query.ops;

import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The work queues operators may look at and redrive: the same list as the queue depth
 * gauges ({@code appointments.queue-metrics.queues}), each with its dead-letter queue
 * {@code <name>-dlq}. Any other name is refused, so the API cannot be pointed at queues
 * that are none of its business.
 */
@Component
class WatchedQueues {

    static final String DLQ_SUFFIX = "-dlq";

    private final List<String> queues;

    WatchedQueues(Environment environment) {
        this.queues = Binder.get(environment)
            .bind("appointments.queue-metrics.queues", Bindable.listOf(String.class))
            .orElse(List.of())
            .stream()
            .map(String::trim)
            .filter(name -> !name.isEmpty())
            .filter(name -> !name.endsWith(DLQ_SUFFIX))
            .distinct()
            .toList();
    }

    List<String> all() {
        return queues;
    }

    /**
     * The work queue named, or the work queue whose dead-letter queue is named; 404 for
     * any other name.
     */
    String resolve(String name) {
        String queue = name.endsWith(DLQ_SUFFIX) ? name.substring(0, name.length() - DLQ_SUFFIX.length()) : name;
        if (!queues.contains(queue)) {
            throw new UnknownQueue(name, queues);
        }
        return queue;
    }

    static String deadLetterQueueOf(String queue) {
        return queue + DLQ_SUFFIX;
    }

}
