package dev.appointments.store.autoconfigure;

import java.time.Clock;

import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.appointment.AppointmentLists;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.appointment.BusyTimes;
import dev.appointments.store.outcome.Outcomes;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Providers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stores of the shared tables as beans, each call to DynamoDB through
 * {@link ResilientDynamoDbCalls}, and the clock every decision reads (tests replace it to
 * drive time).
 */
@AutoConfiguration(afterName = "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration")
@ConditionalOnBean(DynamoDbClient.class)
@EnableConfigurationProperties({ DynamoDbResilienceProperties.class, RetentionProperties.class })
public class AppointmentStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean(name = "dynamoDbCircuitBreaker")
    CircuitBreaker dynamoDbCircuitBreaker(DynamoDbResilienceProperties properties,
            ObjectProvider<MeterRegistry> meterRegistry) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(10)
            .minimumNumberOfCalls(3)
            .failureRateThreshold(50)
            .waitDurationInOpenState(properties.circuitOpenFor())
            .automaticTransitionFromOpenToHalfOpenEnabled(true)
            .permittedNumberOfCallsInHalfOpenState(2)
            .recordException(ResilientDynamoDbCalls::isOutage)
            .build());
        meterRegistry
            .ifAvailable(meters -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters));
        return registry.circuitBreaker("dynamodb");
    }

    @Bean
    @ConditionalOnMissingBean
    DynamoDbCalls dynamoDbCalls(CircuitBreaker dynamoDbCircuitBreaker, DynamoDbResilienceProperties properties) {
        return new ResilientDynamoDbCalls(dynamoDbCircuitBreaker, properties.retryAttempts(),
                properties.retryMaxBackoff());
    }

    @Bean
    @ConditionalOnMissingBean
    Appointments appointments(DynamoDbClient dynamoDb, DynamoDbCalls calls, Outcomes outcomes) {
        return new Appointments(dynamoDb, calls, outcomes);
    }

    @Bean
    @ConditionalOnMissingBean
    AppointmentLists appointmentLists(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new AppointmentLists(dynamoDb, calls);
    }

    @Bean
    @ConditionalOnMissingBean
    BusyTimes busyTimes(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new BusyTimes(dynamoDb, calls);
    }

    @Bean
    @ConditionalOnMissingBean
    Outcomes outcomes(DynamoDbClient dynamoDb, DynamoDbCalls calls, RetentionProperties retention) {
        return new Outcomes(dynamoDb, calls, retention.outcomes());
    }

    @Bean
    @ConditionalOnMissingBean
    Patients patients(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new Patients(dynamoDb, calls);
    }

    @Bean
    @ConditionalOnMissingBean
    Providers providers(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        return new Providers(dynamoDb, calls);
    }

}
