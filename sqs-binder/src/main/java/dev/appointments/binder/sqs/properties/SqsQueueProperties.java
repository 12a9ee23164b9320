package dev.appointments.binder.sqs.properties;

import java.time.Duration;

/**
 * The queue attributes a binding asks for when the binder creates the queue: the
 * visibility timeout and how many receives a message gets before SQS moves it to the
 * dead-letter queue.
 */
public abstract class SqsQueueProperties {

    /** Receives before SQS moves a message to {@code <queue>-dlq}. */
    private int maxReceiveCount = 5;

    /**
     * How long a received message stays invisible to other consumers, so also when a
     * failed one comes back.
     */
    private Duration visibilityTimeout = Duration.ofSeconds(30);

    public int getMaxReceiveCount() {
        return maxReceiveCount;
    }

    public void setMaxReceiveCount(int maxReceiveCount) {
        this.maxReceiveCount = maxReceiveCount;
    }

    public Duration getVisibilityTimeout() {
        return visibilityTimeout;
    }

    public void setVisibilityTimeout(Duration visibilityTimeout) {
        this.visibilityTimeout = visibilityTimeout;
    }

}
