package dev.appointments.binder.sqs.producer;

import dev.appointments.binder.sqs.SqsBinderHeaders;
import dev.appointments.binder.sqs.headers.DelaySeconds;
import dev.appointments.binder.sqs.headers.SqsMessageConverters;
import dev.appointments.binder.sqs.metrics.ProducerMetrics;
import dev.appointments.binder.sqs.properties.SqsProducerProperties;
import io.awspring.cloud.sqs.integration.SqsMessageHandler;
import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Sends each message of a producer binding to its queue and waits for SQS to accept it,
 * so that a function's output is sent before its input message is acknowledged.
 */
public final class SqsOutboundMessageHandler extends SqsMessageHandler {

    private final ProducerMetrics metrics;

    private SqsOutboundMessageHandler(SqsTemplate template, ProducerMetrics metrics) {
        super(template);
        this.metrics = metrics;
    }

    public static SqsOutboundMessageHandler create(SqsAsyncClient sqs, String queue, String binding,
            SqsProducerProperties properties, MeterRegistry meterRegistry, ObservationRegistry observationRegistry) {
        SqsTemplate template = SqsTemplate.builder()
            .sqsAsyncClient(sqs)
            .messageConverter(SqsMessageConverters.outbound(properties.getHeaderPatterns()))
            // With a tracer registered, the send's observation writes traceparent into
            // the headers.
            .configure(options -> options.observationRegistry(observationRegistry)
                .queueNotFoundStrategy(QueueNotFoundStrategy.FAIL))
            .build();
        SqsOutboundMessageHandler handler = new SqsOutboundMessageHandler(template,
                ProducerMetrics.of(meterRegistry, binding, queue));
        handler.setQueue(queue);
        handler.setSendTimeout(properties.getSendTimeout().toMillis());
        return handler;
    }

    @Override
    protected void handleMessageInternal(Message<?> message) {
        // Refused here already, so the caller gets this exception rather than a wrapped
        // one from the send.
        DelaySeconds.of(message.getHeaders().get(SqsBinderHeaders.DELAY_SECONDS));
        try {
            super.handleMessageInternal(message);
        }
        catch (RuntimeException ex) {
            metrics.sendFailed();
            throw ex;
        }
        metrics.sent();
    }

}
