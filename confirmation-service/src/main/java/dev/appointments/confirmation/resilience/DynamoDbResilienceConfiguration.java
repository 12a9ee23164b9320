package dev.appointments.confirmation.resilience;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.appointments.confirmation.ConfirmationServiceProperties;
import dev.appointments.store.DynamoDbCalls;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The DynamoDB circuit breaker, and what it does to consumption: while the circuit is open the consumer binding is
 * stopped, so messages stay on the queue instead of burning their receive count towards the dead-letter queue; when
 * the circuit lets calls through again, consumption resumes.
 */
@Configuration(proxyBeanMethods = false)
class DynamoDbResilienceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbResilienceConfiguration.class);

    @Bean
    CircuitBreaker dynamoDbCircuitBreaker(ConfirmationServiceProperties properties, MeterRegistry meterRegistry) {
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
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meterRegistry);
        return registry.circuitBreaker("dynamodb");
    }

    @Bean
    DynamoDbCalls dynamoDbCalls(CircuitBreaker dynamoDbCircuitBreaker, ConfirmationServiceProperties properties) {
        return new ResilientDynamoDbCalls(dynamoDbCircuitBreaker, properties.dynamoDbRetryAttempts());
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService consumerSwitch(CircuitBreaker dynamoDbCircuitBreaker, BindingsLifecycleController bindings,
            ConfirmationServiceProperties properties) {
        // Stopping a binding waits for in-flight messages, so it must not run on a consumer thread.
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "consumer-switch"));
        dynamoDbCircuitBreaker.getEventPublisher().onStateTransition(event -> {
            State target = switch (event.getStateTransition().getToState()) {
                case OPEN, FORCED_OPEN -> State.STOPPED;
                case CLOSED, HALF_OPEN -> State.STARTED;
                default -> null;
            };
            if (target != null) {
                executor.execute(() -> {
                    log.warn("DynamoDB circuit {}: consumer binding {} -> {}", event.getStateTransition(),
                            properties.consumerBinding(), target);
                    bindings.changeState(properties.consumerBinding(), target);
                });
            }
        });
        return executor;
    }
}
