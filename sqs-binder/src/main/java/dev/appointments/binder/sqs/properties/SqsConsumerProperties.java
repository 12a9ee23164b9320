package dev.appointments.binder.sqs.properties;

import java.time.Duration;

/**
 * SQS settings of a consumer binding:
 * {@code spring.cloud.stream.sqs.bindings.<binding>.consumer.*}. The number of messages
 * processed in parallel is Spring Cloud Stream's own
 * {@code spring.cloud.stream.bindings.<binding>.consumer.concurrency}.
 */
public class SqsConsumerProperties extends SqsQueueProperties {

    /** Messages fetched by one ReceiveMessage call, 1 to 10. */
    private int maxMessagesPerPoll = 10;

    /** Long-polling wait of one ReceiveMessage call, up to 20 seconds. */
    private Duration pollTimeout = Duration.ofSeconds(10);

    /**
     * While messages are in flight, how long the next poll waits for room for a full
     * batch before it fetches fewer; a slow message thus holds up new ones at most this
     * long.
     */
    private Duration maxDelayBetweenPolls = Duration.ofSeconds(1);

    /**
     * Successful messages are deleted in batches at least this often; zero (with
     * threshold 0) deletes each at once.
     */
    private Duration acknowledgementInterval = Duration.ofSeconds(1);

    /** Successful messages are deleted as soon as this many are waiting. */
    private int acknowledgementThreshold = 10;

    /** How long stopping the binding waits for the messages in process. */
    private Duration shutdownTimeout = Duration.ofSeconds(20);

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public Duration getPollTimeout() {
        return pollTimeout;
    }

    public void setPollTimeout(Duration pollTimeout) {
        this.pollTimeout = pollTimeout;
    }

    public Duration getMaxDelayBetweenPolls() {
        return maxDelayBetweenPolls;
    }

    public void setMaxDelayBetweenPolls(Duration maxDelayBetweenPolls) {
        this.maxDelayBetweenPolls = maxDelayBetweenPolls;
    }

    public Duration getAcknowledgementInterval() {
        return acknowledgementInterval;
    }

    public void setAcknowledgementInterval(Duration acknowledgementInterval) {
        this.acknowledgementInterval = acknowledgementInterval;
    }

    public int getAcknowledgementThreshold() {
        return acknowledgementThreshold;
    }

    public void setAcknowledgementThreshold(int acknowledgementThreshold) {
        this.acknowledgementThreshold = acknowledgementThreshold;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

}
