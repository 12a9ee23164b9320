package dev.appointments.binder.sqs.producer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.appointments.binder.sqs.SqsBinderHeaders;
import dev.appointments.binder.sqs.headers.DelaySeconds;
import dev.appointments.binder.sqs.headers.SqsMessageConverters;
import dev.appointments.binder.sqs.metrics.ProducerMetrics;
import dev.appointments.binder.sqs.properties.SqsProducerProperties;
import io.awspring.cloud.sqs.integration.SqsMessageHandler;
import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import io.awspring.cloud.sqs.support.observation.SqsTemplateObservation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Sends each message of a producer binding to its queue and waits for SQS to accept it,
 * so that a function's output is sent before its input message is acknowledged.
 */
public final class SqsOutboundMessageHandler extends SqsMessageHandler {

    private static final SqsTemplateObservation.Documentation SEND = new SqsTemplateObservation.Documentation();

    private static final SqsTemplateObservation.DefaultConvention DEFAULT_CONVENTION = new SqsTemplateObservation.DefaultConvention();

    private final ProducerMetrics metrics;

    private final ObservationRegistry observationRegistry;

    private final String queue;

    private SqsOutboundMessageHandler(SqsTemplate template, ProducerMetrics metrics,
            ObservationRegistry observationRegistry, String queue) {
        super(template);
        this.metrics = metrics;
        this.observationRegistry = observationRegistry;
        this.queue = queue;
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
                ProducerMetrics.of(meterRegistry, binding, queue), observationRegistry, queue);
        handler.setQueue(queue);
        handler.setSendTimeout(properties.getSendTimeout().toMillis());
        return handler;
    }

    @Override
    protected void handleMessageInternal(Message<?> message) {
        // Refused here already, so the caller gets this exception rather than a wrapped
        // one from the send.
        DelaySeconds.of(message.getHeaders().get(SqsBinderHeaders.DELAY_SECONDS));
        List<Observation> observations = new ArrayList<>();
        Message<?> toSend = message;
        if (message.getPayload() instanceof Collection<?> batch) {
            toSend = MessageBuilder.withPayload(observed(batch, observations))
                .copyHeaders(message.getHeaders())
                .build();
        }
        try {
            super.handleMessageInternal(toSend);
        }
        catch (RuntimeException ex) {
            observations.forEach(observation -> observation.error(ex).stop());
            metrics.sendFailed();
            throw ex;
        }
        observations.forEach(Observation::stop);
        metrics.sent();
    }

    /**
     * The entries of a batch (a payload that is a list of messages, sent with
     * SendMessageBatch), each with a send observation started: SqsTemplate observes
     * single sends only, and the observation is what writes the trace context into a
     * message's headers, so without it the consumer of a batched message would start a
     * new trace.
     */
    private List<Message<?>> observed(Collection<?> batch, List<Observation> observations) {
        List<Message<?>> entries = new ArrayList<>(batch.size());
        for (Object entry : batch) {
            if (!(entry instanceof Message<?> single)) {
                throw new IllegalArgumentException("A batch for queue " + queue + " must be a list of messages, not of "
                        + (entry == null ? "null" : entry.getClass().getName()));
            }
            SqsTemplateObservation.Context context = new SqsTemplateObservation.Context(single, queue);
            observations.add(SEND.observation(null, DEFAULT_CONVENTION, () -> context, observationRegistry).start());
            entries.add(MessageBuilder.fromMessage(single).copyHeaders(context.getCarrier()).build());
        }
        return entries;
    }

}
