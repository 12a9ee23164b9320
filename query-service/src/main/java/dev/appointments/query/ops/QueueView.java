package dev.appointments.query.ops;

import java.util.Map;

import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A work queue's approximate depth, its redrive policy and its dead-letter queue's depth.
 *
 * @param name the queue's name
 * @param visible messages waiting to be received
 * @param inFlight messages received and not yet deleted (being processed, or waiting out
 * a visibility timeout)
 * @param delayed messages whose delivery delay has not passed
 * @param redrivePolicy where SQS moves a message after too many receives; {@code null}
 * when the queue has none
 * @param deadLetterQueue the depth of {@code <name>-dlq}
 */
record QueueView(String name, long visible, long inFlight, long delayed, RedrivePolicy redrivePolicy,
        DeadLetterQueue deadLetterQueue) {

    static final QueueAttributeName[] DEPTH = { QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED };

    /**
     * @param deadLetterQueue the name of the queue dead letters go to
     * @param maxReceiveCount receives after which a message is moved there
     */
    record RedrivePolicy(String deadLetterQueue, int maxReceiveCount) {
    }

    record DeadLetterQueue(String name, long visible, long inFlight, long delayed) {

        static DeadLetterQueue of(String name, Map<QueueAttributeName, String> attributes) {
            return new DeadLetterQueue(name, count(attributes, DEPTH[0]), count(attributes, DEPTH[1]),
                    count(attributes, DEPTH[2]));
        }
    }

    static QueueView of(String name, Map<QueueAttributeName, String> attributes, RedrivePolicy redrivePolicy,
            DeadLetterQueue deadLetterQueue) {
        return new QueueView(name, count(attributes, DEPTH[0]), count(attributes, DEPTH[1]),
                count(attributes, DEPTH[2]), redrivePolicy, deadLetterQueue);
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }
}
