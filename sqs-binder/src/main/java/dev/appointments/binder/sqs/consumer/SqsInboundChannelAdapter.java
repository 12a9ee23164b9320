package dev.appointments.binder.sqs.consumer;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.appointments.binder.sqs.metrics.ConsumerMetrics;
import dev.appointments.binder.sqs.properties.SqsConsumerProperties;
import io.awspring.cloud.sqs.integration.SqsMessageDrivenChannelAdapter;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.Visibility;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.messaging.Message;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Hands each received message to the binding's channel, and so to the function, on one of
 * the binding's threads. The container deletes a message only when this returns normally;
 * a failure is rethrown, never routed to an error channel whose subscriber could swallow
 * it and get the message deleted. The one exception: a failure the binding declares not
 * retryable, after which the message is copied to the dead-letter queue and then deleted.
 * A failed message waits for the visibility timeout before SQS redelivers it, unless the
 * application's {@link RedeliveryDelay} asks for a shorter wait.
 */
public final class SqsInboundChannelAdapter extends SqsMessageDrivenChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(SqsInboundChannelAdapter.class);

    private final String binding;

    private final String queue;

    private final ConsumerMetrics metrics;

    private final ThreadPoolTaskExecutor executor;

    private final DeadLetters deadLetters;

    private volatile RedeliveryDelay redeliveryDelay;

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
     * @param retryableExceptions the binding's {@code retryable-exceptions}: a failure of
     * a class mapped to {@code false} sends the message to the dead-letter queue at once
     * instead of leaving it for redelivery
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
    protected void onInit() {
        super.onInit();
        // The binder's context is a child of the application's, which is where an
        // application declares its bean.
        BeanFactory beanFactory = getBeanFactory();
        if (beanFactory != null) {
            redeliveryDelay = beanFactory.getBeanProvider(RedeliveryDelay.class).getIfUnique();
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
                // Returning lets the container delete it from the queue: the copy in the
                // dead-letter queue stays.
                metrics.deadLettered(sample);
                return;
            }
            metrics.failed(sample);
            Throwable cause = MessageProcessingFailed.withoutWrappers(ex);
            throw MessageProcessingFailed.of(binding, queue, messageId(message), cause, redeliverSoon(message, cause));
        }
        metrics.succeeded(sample);
    }

    private boolean deadLettered(Message<?> message, RuntimeException failure) {
        Throwable cause = MessageProcessingFailed.withoutWrappers(failure);
        try {
            String deadLetterQueue = deadLetters.send(message);
            log.warn(
                    "Function of binding {} cannot process message {} from queue {} ({}: {}); moved it to {} "
                            + "without redelivery",
                    binding, messageId(message), queue, cause.getClass().getName(), cause.getMessage(),
                    deadLetterQueue);
            return true;
        }
        catch (RuntimeException sendFailed) {
            log.warn("Could not move message {} from queue {} to its dead-letter queue; SQS redelivers it",
                    messageId(message), queue, sendFailed);
            return false;
        }
    }

    /**
     * Shortens the message's visibility when the application's {@link RedeliveryDelay}
     * asks for it.
     * @return the new visibility, or {@code null} when the message waits for the
     * binding's visibility timeout
     */
    private Duration redeliverSoon(Message<?> message, Throwable cause) {
        RedeliveryDelay delay = redeliveryDelay;
        if (delay == null) {
            return null;
        }
        Optional<Duration> after;
        try {
            after = delay.after(binding, cause);
        }
        catch (RuntimeException ex) {
            log.warn("Redelivery delay of binding {} failed; message {} waits for the visibility timeout", binding,
                    messageId(message), ex);
            return null;
        }
        if (after.isEmpty() || !(message.getHeaders()
            .get(SqsHeaders.SQS_VISIBILITY_TIMEOUT_HEADER) instanceof Visibility visibility)) {
            return null;
        }
        int seconds = Math.clamp(after.get().toSeconds(), 0, Visibility.MAX_VISIBILITY_TIMEOUT_SECONDS);
        try {
            visibility.changeToAsync(seconds).join();
            return Duration.ofSeconds(seconds);
        }
        catch (RuntimeException ex) {
            // Not fatal: the message comes back after the visibility timeout instead.
            log.warn("Could not shorten the visibility of message {} from queue {} to {} s; SQS redelivers it after "
                    + "the visibility timeout", messageId(message), queue, seconds, ex);
            return null;
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
