package dev.appointments.binder.sqs.consumer;

import java.util.Map;

import dev.appointments.binder.sqs.metrics.ConsumerMetrics;
import dev.appointments.binder.sqs.properties.SqsConsumerProperties;
import io.awspring.cloud.sqs.integration.SqsMessageDrivenChannelAdapter;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Hands each received message to the binding's channel, and so to the function, on one of the binding's threads.
 * The container deletes a message only when this returns normally; a failure is rethrown, never routed to an error
 * channel whose subscriber could swallow it and get the message deleted. The one exception: a failure the binding
 * declares not retryable, after which the message is copied to the dead-letter queue and then deleted.
 */
public final class SqsInboundChannelAdapter extends SqsMessageDrivenChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(SqsInboundChannelAdapter.class);

    private final String binding;

    private final String queue;

    private final ConsumerMetrics metrics;

    private final ThreadPoolTaskExecutor executor;

    private final DeadLetters deadLetters;

    private SqsInboundChannelAdapter(SqsAsyncClient sqs, String queue, String binding, ConsumerMetrics metrics,
            ThreadPoolTaskExecutor executor, DeadLetters deadLetters) {
        super(sqs, queue);
        this.binding = binding;
        this.queue = queue;
        this.metrics = metrics;
        this.executor = executor;
        this.deadLetters = deadLetters;
    }

    /**
     * @param concurrency the number of messages processed in parallel
     * @param retryableExceptions the binding's {@code retryable-exceptions}: a failure of a class mapped to
     *        {@code false} sends the message to the dead-letter queue at once instead of leaving it for redelivery
     */
    public static SqsInboundChannelAdapter create(SqsAsyncClient sqs, String queue, String binding,
            SqsConsumerProperties properties, int concurrency,
            Map<Class<? extends Throwable>, Boolean> retryableExceptions, MeterRegistry meterRegistry,
            ObservationRegistry observationRegistry) {
        ThreadPoolTaskExecutor executor = ConsumerContainerOptions.executor(binding, properties, concurrency);
        try {
            SqsInboundChannelAdapter adapter = new SqsInboundChannelAdapter(sqs, queue, binding,
                    ConsumerMetrics.of(meterRegistry, binding, queue), executor,
                    new DeadLetters(sqs, queue, retryableExceptions));
            adapter.setSqsContainerOptions(
                    ConsumerContainerOptions.of(properties, concurrency, executor, observationRegistry));
            return adapter;
        }
        catch (RuntimeException ex) {
            executor.shutdown();
            throw ex;
        }
    }

    @Override
    protected void sendMessage(Message<?> message) {
        Timer.Sample sample = metrics.received();
        try (MessageMdc mdc = MessageMdc.of(message.getHeaders())) {
            getMessagingTemplate().send(getRequiredOutputChannel(), message);
        }
        catch (RuntimeException ex) {
            if (deadLetters.notRetryable(ex) && deadLettered(message, ex)) {
                // Returning lets the container delete it from the queue: the copy in the dead-letter queue stays.
                metrics.deadLettered(sample);
                return;
            }
            metrics.failed(sample);
            throw MessageProcessingFailed.of(binding, queue, messageId(message), ex);
        }
        metrics.succeeded(sample);
    }

    private boolean deadLettered(Message<?> message, RuntimeException failure) {
        Throwable cause = MessageProcessingFailed.of(binding, queue, messageId(message), failure).getCause();
        try {
            String deadLetterQueue = deadLetters.send(message);
            log.warn("Function of binding {} cannot process message {} from queue {} ({}: {}); moved it to {} "
                    + "without redelivery", binding, messageId(message), queue, cause.getClass().getName(),
                    cause.getMessage(), deadLetterQueue);
            return true;
        }
        catch (RuntimeException sendFailed) {
            log.warn("Could not move message {} from queue {} to its dead-letter queue; SQS redelivers it",
                    messageId(message), queue, sendFailed);
            return false;
        }
    }

    private static Object messageId(Message<?> message) {
        Object raw = message.getHeaders().get(SqsHeaders.SQS_RAW_MESSAGE_ID_HEADER);
        return raw != null ? raw : message.getHeaders().getId();
    }

    @Override
    public void destroy() {
        try {
            super.destroy();
        }
        finally {
            executor.shutdown();
        }
    }
}
