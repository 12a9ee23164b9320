package dev.appointments.queuemetrics;

import java.util.Map;

import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A queue's approximate message counts, as SQS reports them.
 *
 * @param visible messages waiting to be received
 * @param inFlight messages received and not yet deleted, nor visible again
 * @param delayed messages sent with a delay that has not passed yet
 */
record QueueDepth(long visible, long inFlight, long delayed) {

    static final QueueAttributeName[] ATTRIBUTES = { QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED };

    static QueueDepth of(Map<QueueAttributeName, String> attributes) {
        return new QueueDepth(count(attributes, ATTRIBUTES[0]), count(attributes, ATTRIBUTES[1]),
                count(attributes, ATTRIBUTES[2]));
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }
}
