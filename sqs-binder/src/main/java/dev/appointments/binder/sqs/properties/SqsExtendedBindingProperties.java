package dev.appointments.binder.sqs.properties;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.stream.binder.AbstractExtendedBindingProperties;
import org.springframework.cloud.stream.binder.BinderSpecificPropertiesProvider;

/**
 * The per-binding SQS properties,
 * {@code spring.cloud.stream.sqs.bindings.<binding>.consumer|producer.*}, with defaults
 * for all bindings under {@code spring.cloud.stream.sqs.default.consumer|producer.*}.
 */
@ConfigurationProperties("spring.cloud.stream.sqs")
public class SqsExtendedBindingProperties
        extends AbstractExtendedBindingProperties<SqsConsumerProperties, SqsProducerProperties, SqsBindingProperties> {

    private static final String DEFAULTS_PREFIX = "spring.cloud.stream.sqs.default";

    @Override
    public String getDefaultsPrefix() {
        return DEFAULTS_PREFIX;
    }

    @Override
    public Map<String, SqsBindingProperties> getBindings() {
        return doGetBindings();
    }

    @Override
    public Class<? extends BinderSpecificPropertiesProvider> getExtendedPropertiesEntryClass() {
        return SqsBindingProperties.class;
    }

}
