package dev.appointments.binder.sqs.config;

import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.cloud.stream.config.BindingHandlerAdvise.MappingsProvider;
import org.springframework.context.annotation.Bean;

/**
 * Lets {@code spring.cloud.stream.sqs.default.consumer|producer.*} apply to every SQS
 * binding. It has to live in the application's context, where Spring Cloud Stream binds
 * binding properties, hence an auto-configuration.
 */
@AutoConfiguration
public class SqsBinderDefaultsAutoConfiguration {

    @Bean
    MappingsProvider sqsExtendedPropertiesDefaultMappingsProvider() {
        return () -> Map.of(ConfigurationPropertyName.of("spring.cloud.stream.sqs.bindings"),
                ConfigurationPropertyName.of("spring.cloud.stream.sqs.default"));
    }

}
