package dev.appointments.deploy.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import dev.appointments.resources.QueueDefinition;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The work queues of {@link dev.appointments.resources.Queues}, each with its dead-letter
 * queue and redrive policy, encrypted with SSE-SQS (no key to manage, no KMS permission
 * in the task roles) and reachable over TLS only. Queues are regional: every region of a
 * multi-region deployment has its own.
 */
public final class WorkQueues extends Construct {

    /**
     * Work queues keep a message four days (the SQS default): long enough to outlast a
     * weekend outage.
     */
    static final Duration RETENTION = Duration.days(4);

    /**
     * Long polling for clients that name no wait time of their own (the binder asks for
     * 10 s).
     */
    static final Duration RECEIVE_WAIT = Duration.seconds(20);

    private final Map<String, Queue> queues = new LinkedHashMap<>();

    private final Map<String, Queue> deadLetterQueues = new LinkedHashMap<>();

    public WorkQueues(Construct scope, String id, List<QueueDefinition> definitions) {
        super(scope, id);
        for (QueueDefinition definition : definitions) {
            Queue deadLetters = Queue.Builder.create(this, definition.deadLetterQueueName())
                .queueName(definition.deadLetterQueueName())
                .retentionPeriod(Duration.seconds(QueueDefinition.DLQ_RETENTION.toSeconds()))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
            Queue queue = Queue.Builder.create(this, definition.name())
                .queueName(definition.name())
                .visibilityTimeout(Duration.seconds(definition.visibilityTimeout().toSeconds()))
                .retentionPeriod(RETENTION)
                .receiveMessageWaitTime(RECEIVE_WAIT)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .deadLetterQueue(DeadLetterQueue.builder()
                    .queue(deadLetters)
                    .maxReceiveCount(definition.maxReceiveCount())
                    .build())
                .build();
            queues.put(definition.name(), queue);
            deadLetterQueues.put(definition.name(), deadLetters);
        }
    }

    /** The work queue of that name. */
    public IQueue queue(String name) {
        return find(queues, name);
    }

    /** The dead-letter queue of the work queue of that name. */
    public IQueue deadLetterQueue(String queueName) {
        return find(deadLetterQueues, queueName);
    }

    /** The names of the work queues, in definition order. */
    public List<String> names() {
        return List.copyOf(queues.keySet());
    }

    private static IQueue find(Map<String, Queue> byName, String name) {
        Queue queue = byName.get(name);
        if (queue == null) {
            throw new NoSuchElementException("No queue " + name + "; known: " + byName.keySet());
        }
        return queue;
    }

}
