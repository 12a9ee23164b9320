package dev.appointments.binder.sqs.consumer;

import dev.appointments.binder.sqs.metrics.ConsumerMetrics;
import dev.appointments.binder.sqs.properties.SqsConsumerProperties;
import io.awspring.cloud.sqs.integration.SqsMessageDrivenChannelAdapter;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.messaging.Message;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Hands each received message to the binding's channel, and so to the function, on one of the binding's threads.
 * The container deletes a message only when this returns normally; a failure is rethrown, never routed to an error
 * channel whose subscriber could swallow it and get the message deleted.
 */
public final class SqsInboundChannelAdapter extends SqsMessageDrivenChannelAdapter {

    private final String binding;

    private final String queue;

    private final ConsumerMetrics metrics;

    private final ThreadPoolTaskExecutor executor;

    private SqsInboundChannelAdapter(SqsAsyncClient sqs, String queue, String binding, ConsumerMetrics metrics,
            ThreadPoolTaskExecutor executor) {
        super(sqs, queue);
        this.binding = binding;
        this.queue = queue;
        this.metrics = metrics;
        this.executor = executor;
    }

    /**
     * @param concurrency the number of messages processed in parallel
     */
    public static SqsInboundChannelAdapter create(SqsAsyncClient sqs, String queue, String binding,
            SqsConsumerProperties properties, int concurrency, MeterRegistry meterRegistry,
            ObservationRegistry observationRegistry) {
        ThreadPoolTaskExecutor executor = ConsumerContainerOptions.executor(binding, properties, concurrency);
        try {
            SqsInboundChannelAdapter adapter = new SqsInboundChannelAdapter(sqs, queue, binding,
                    ConsumerMetrics.of(meterRegistry, binding, queue), executor);
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
            metrics.failed(sample);
            throw MessageProcessingFailed.of(binding, queue, messageId(message), ex);
        }
        metrics.succeeded(sample);
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
