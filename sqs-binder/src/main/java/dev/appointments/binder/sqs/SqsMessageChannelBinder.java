package dev.appointments.binder.sqs;

import java.util.Map;

import dev.appointments.binder.sqs.consumer.SqsInboundChannelAdapter;
import dev.appointments.binder.sqs.producer.SqsOutboundMessageHandler;
import dev.appointments.binder.sqs.properties.SqsConsumerProperties;
import dev.appointments.binder.sqs.properties.SqsExtendedBindingProperties;
import dev.appointments.binder.sqs.properties.SqsProducerProperties;
import dev.appointments.binder.sqs.provisioning.SqsQueueProvisioner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.cloud.stream.binder.AbstractMessageChannelBinder;
import org.springframework.cloud.stream.binder.BinderSpecificPropertiesProvider;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.ExtendedProducerProperties;
import org.springframework.cloud.stream.binder.ExtendedPropertiesBinder;
import org.springframework.cloud.stream.provisioning.ConsumerDestination;
import org.springframework.cloud.stream.provisioning.ProducerDestination;
import org.springframework.integration.core.MessageProducer;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The Spring Cloud Stream binder for SQS. A consumer binding polls its queue and deletes
 * a message only after the function returned; a failed message stays for SQS to
 * redeliver, and after {@code maxReceiveCount} receives SQS moves it to the dead-letter
 * queue. For that reason no in-process retry applies: {@code maxAttempts} and the
 * back-off properties of Spring Cloud Stream are ignored. {@code retryableExceptions}
 * mapped to {@code false} name failures that no redelivery can cure: such a message goes
 * to the dead-letter queue at once. Consumer groups mean nothing to SQS, where every
 * consumer of a queue competes for its messages.
 */
public class SqsMessageChannelBinder extends
        AbstractMessageChannelBinder<ExtendedConsumerProperties<SqsConsumerProperties>, ExtendedProducerProperties<SqsProducerProperties>, SqsQueueProvisioner>
        implements ExtendedPropertiesBinder<MessageChannel, SqsConsumerProperties, SqsProducerProperties> {

    private final SqsAsyncClient sqs;

    private final SqsExtendedBindingProperties extendedProperties;

    private final MeterRegistry meterRegistry;

    private final ObservationRegistry observationRegistry;

    public SqsMessageChannelBinder(SqsAsyncClient sqs, SqsQueueProvisioner provisioner,
            SqsExtendedBindingProperties extendedProperties, MeterRegistry meterRegistry,
            ObservationRegistry observationRegistry) {
        super(new String[0], provisioner);
        this.sqs = sqs;
        this.extendedProperties = extendedProperties;
        this.meterRegistry = meterRegistry;
        this.observationRegistry = observationRegistry;
    }

    @Override
    protected MessageHandler createProducerMessageHandler(ProducerDestination destination,
            ExtendedProducerProperties<SqsProducerProperties> properties, MessageChannel errorChannel) {
        // Sends are synchronous and throw to the sender, so the error channel has nothing
        // to carry.
        String binding = bindingName(properties.getBindingName(), destination.getName());
        SqsOutboundMessageHandler handler = SqsOutboundMessageHandler.create(sqs, destination.getName(), binding,
                properties.getExtension(), meterRegistry, observationRegistry);
        handler.setBeanFactory(getBeanFactory());
        handler.setBeanName(binding + ".sqs-outbound");
        return handler;
    }

    @Override
    protected MessageProducer createConsumerEndpoint(ConsumerDestination destination, String group,
            ExtendedConsumerProperties<SqsConsumerProperties> properties) {
        if (properties.isBatchMode()) {
            throw new IllegalArgumentException("The sqs binder does not support batch-mode consumers (binding "
                    + properties.getBindingName() + ")");
        }
        String binding = bindingName(properties.getBindingName(), destination.getName());
        SqsInboundChannelAdapter adapter = SqsInboundChannelAdapter.create(sqs, destination.getName(), binding,
                properties.getExtension(), properties.getConcurrency(), properties.getRetryableExceptions(),
                meterRegistry, observationRegistry);
        adapter.setBeanFactory(getBeanFactory());
        adapter.setBeanName(binding + ".sqs-inbound");
        return adapter;
    }

    @Override
    protected Map<String, Object> doGetAdditionalConfigurationProperties(String name) {
        return Map.of();
    }

    @Override
    public SqsConsumerProperties getExtendedConsumerProperties(String channelName) {
        return extendedProperties.getExtendedConsumerProperties(channelName);
    }

    @Override
    public SqsProducerProperties getExtendedProducerProperties(String channelName) {
        return extendedProperties.getExtendedProducerProperties(channelName);
    }

    @Override
    public String getDefaultsPrefix() {
        return extendedProperties.getDefaultsPrefix();
    }

    @Override
    public Class<? extends BinderSpecificPropertiesProvider> getExtendedPropertiesEntryClass() {
        return extendedProperties.getExtendedPropertiesEntryClass();
    }

    private static String bindingName(String bindingName, String destination) {
        return bindingName != null ? bindingName : destination;
    }

}
