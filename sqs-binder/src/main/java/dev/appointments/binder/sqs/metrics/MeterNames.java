package dev.appointments.binder.sqs.metrics;

import io.micrometer.core.instrument.Tags;

/**
 * Names and tags of the binder's meters, as listed in the module README.
 */
public final class MeterNames {

    public static final String RECEIVED = "sqs.binder.messages.received";

    public static final String SUCCEEDED = "sqs.binder.messages.succeeded";

    public static final String FAILED = "sqs.binder.messages.failed";

    public static final String DEAD_LETTERED = "sqs.binder.messages.dead.lettered";

    public static final String PROCESSING = "sqs.binder.messages.processing";

    public static final String SENT = "sqs.binder.messages.sent";

    public static final String SEND_FAILED = "sqs.binder.messages.send.failed";

    public static final String BINDING_TAG = "binding";

    public static final String QUEUE_TAG = "queue";

    private MeterNames() {
    }

    static Tags tags(String binding, String queue) {
        return Tags.of(BINDING_TAG, binding, QUEUE_TAG, queue);
    }

}
