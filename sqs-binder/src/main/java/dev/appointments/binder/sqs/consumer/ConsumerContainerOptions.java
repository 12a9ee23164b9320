package dev.appointments.binder.sqs.consumer;

import java.time.Duration;

import dev.appointments.binder.sqs.headers.SqsMessageConverters;
import dev.appointments.binder.sqs.properties.SqsConsumerProperties;
import io.awspring.cloud.sqs.MessageExecutionThreadFactory;
import io.awspring.cloud.sqs.listener.ListenerMode;
import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.awspring.cloud.sqs.listener.SqsContainerOptions;
import io.awspring.cloud.sqs.listener.acknowledgement.handler.AcknowledgementMode;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Turns a consumer binding's properties into listener container settings.
 * {@code concurrency} threads run the function; up to
 * {@code max(concurrency, maxMessagesPerPoll)} messages are in flight, so that polls can
 * fetch full batches even with one thread.
 */
final class ConsumerContainerOptions {

    private static final int MAX_MESSAGES_PER_POLL = 10;

    private static final Duration MAX_POLL_TIMEOUT = Duration.ofSeconds(20);

    private ConsumerContainerOptions() {
    }

    static SqsContainerOptions of(SqsConsumerProperties properties, int concurrency, ThreadPoolTaskExecutor executor,
            ObservationRegistry observationRegistry) {
        validate(properties, concurrency);
        return SqsContainerOptions.builder()
            .maxConcurrentMessages(inFlight(properties, concurrency))
            .maxMessagesPerPoll(properties.getMaxMessagesPerPoll())
            .pollTimeout(properties.getPollTimeout())
            .maxDelayBetweenPolls(properties.getMaxDelayBetweenPolls())
            .messageVisibility(properties.getVisibilityTimeout())
            .listenerMode(ListenerMode.SINGLE_MESSAGE)
            .acknowledgementMode(AcknowledgementMode.ON_SUCCESS)
            .acknowledgementInterval(properties.getAcknowledgementInterval())
            .acknowledgementThreshold(properties.getAcknowledgementThreshold())
            .listenerShutdownTimeout(properties.getShutdownTimeout())
            .componentsTaskExecutor(executor)
            // The provisioner has created or checked the queue; the container must not
            // create one of its own.
            .queueNotFoundStrategy(QueueNotFoundStrategy.FAIL)
            .messageConverter(SqsMessageConverters.inbound())
            .observationRegistry(observationRegistry)
            .build();
    }

    /**
     * The threads that run the function; the container accepts only
     * {@link MessageExecutionThreadFactory} threads.
     */
    static ThreadPoolTaskExecutor executor(String binding, SqsConsumerProperties properties, int concurrency) {
        validate(properties, concurrency);
        MessageExecutionThreadFactory threads = new MessageExecutionThreadFactory();
        threads.setThreadNamePrefix("sqs-" + binding + "-");
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(concurrency);
        executor.setMaxPoolSize(concurrency);
        // Messages in flight wait here for a thread; the extra room covers a permit
        // released just before its thread.
        executor.setQueueCapacity(inFlight(properties, concurrency) + concurrency);
        executor.setAllowCoreThreadTimeOut(true);
        executor.setThreadFactory(threads);
        executor.initialize();
        return executor;
    }

    private static int inFlight(SqsConsumerProperties properties, int concurrency) {
        return Math.max(concurrency, properties.getMaxMessagesPerPoll());
    }

    private static void validate(SqsConsumerProperties properties, int concurrency) {
        require(concurrency >= 1, "concurrency must be at least 1, was " + concurrency);
        int batch = properties.getMaxMessagesPerPoll();
        require(batch >= 1 && batch <= MAX_MESSAGES_PER_POLL,
                "maxMessagesPerPoll must be between 1 and 10, was " + batch);
        Duration poll = properties.getPollTimeout();
        require(!poll.isNegative() && !poll.isZero() && poll.compareTo(MAX_POLL_TIMEOUT) <= 0,
                "pollTimeout must be more than 0 and at most 20 seconds, was " + poll);
        require(!properties.getMaxDelayBetweenPolls().isNegative(), "maxDelayBetweenPolls must not be negative");
        require(!properties.getAcknowledgementInterval().isNegative(), "acknowledgementInterval must not be negative");
        require(properties.getAcknowledgementThreshold() >= 0, "acknowledgementThreshold must not be negative");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("SQS consumer binding: " + message);
        }
    }

}
