package dev.appointments.binder.sqs.config;

import dev.appointments.binder.sqs.SqsMessageChannelBinder;
import dev.appointments.binder.sqs.properties.SqsBinderProperties;
import dev.appointments.binder.sqs.properties.SqsExtendedBindingProperties;
import dev.appointments.binder.sqs.provisioning.SqsQueueProvisioner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The binder's context, a child of the application's: the {@link SqsAsyncClient} of
 * Spring Cloud AWS (configured by {@code spring.cloud.aws.sqs.*}), the meter registry and
 * the observation registry come from the application. Registered under the name
 * {@code sqs} in {@code META-INF/spring.binders}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SqsBinderProperties.class, SqsExtendedBindingProperties.class })
public class SqsBinderConfiguration {

    @Bean
    SqsQueueProvisioner sqsQueueProvisioner(SqsAsyncClient sqsAsyncClient, SqsBinderProperties binderProperties) {
        return new SqsQueueProvisioner(sqsAsyncClient, binderProperties);
    }

    @Bean
    SqsMessageChannelBinder sqsMessageChannelBinder(SqsAsyncClient sqsAsyncClient, SqsQueueProvisioner provisioner,
            SqsExtendedBindingProperties extendedProperties, ObjectProvider<MeterRegistry> meterRegistry,
            ObjectProvider<ObservationRegistry> observationRegistry) {
        return new SqsMessageChannelBinder(sqsAsyncClient, provisioner, extendedProperties,
                meterRegistry.getIfAvailable(() -> Metrics.globalRegistry),
                observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

}
