package dev.appointments.query.ops;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.appointments.resources.RedrivePolicy;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Reads the depth and redrive policy of every watched queue and of its dead-letter queue,
 * all queues at once. The numbers are live (read on each request), not the gauges' polled
 * values.
 */
@Component
class QueueDepths {

    private final QueueClient client;

    private final WatchedQueues watched;

    private final Clock clock;

    QueueDepths(QueueClient client, WatchedQueues watched, Clock clock) {
        this.client = client;
        this.watched = watched;
        this.clock = clock;
    }

    QueuesView all() {
        List<String> queues = watched.all();
        QueueAttributeName[] queueAttributes = { QueueView.DEPTH[0], QueueView.DEPTH[1], QueueView.DEPTH[2],
                QueueAttributeName.REDRIVE_POLICY };
        List<CompletableFuture<Map<QueueAttributeName, String>>> work = queues.stream()
            .map(queue -> client.attributes(queue, queueAttributes))
            .toList();
        List<CompletableFuture<Map<QueueAttributeName, String>>> dead = queues.stream()
            .map(queue -> client.attributes(WatchedQueues.deadLetterQueueOf(queue), QueueView.DEPTH))
            .toList();
        var readAt = clock.instant();
        List<QueueView> views = new ArrayList<>();
        for (int i = 0; i < queues.size(); i++) {
            String queue = queues.get(i);
            String dlq = WatchedQueues.deadLetterQueueOf(queue);
            Map<QueueAttributeName, String> attributes = client.await(queue, work.get(i));
            views.add(QueueView.of(queue, attributes, redrivePolicy(attributes.get(QueueAttributeName.REDRIVE_POLICY)),
                    QueueView.DeadLetterQueue.of(dlq, client.await(dlq, dead.get(i)))));
        }
        return new QueuesView(views, readAt);
    }

    /**
     * SQS gives the policy as JSON text; the count is a number or a string depending on
     * who set it.
     */
    static QueueView.RedrivePolicy redrivePolicy(String json) {
        return RedrivePolicy.parse(json)
            .map(policy -> new QueueView.RedrivePolicy(policy.deadLetterQueueName(), policy.maxReceiveCount()))
            .orElse(null);
    }

}
