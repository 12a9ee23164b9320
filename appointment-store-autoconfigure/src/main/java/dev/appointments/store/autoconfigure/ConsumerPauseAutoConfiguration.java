package dev.appointments.store.autoconfigure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.context.annotation.Bean;

/**
 * While the DynamoDB circuit is open, the service's consumer binding is stopped, so messages wait on the queue
 * instead of failing towards the dead-letter queue; when the circuit lets calls through again, consumption resumes.
 * The binding needs a {@code group}: Spring Cloud Stream cannot restart an anonymous binding.
 */
@AutoConfiguration(after = AppointmentStoreAutoConfiguration.class)
@ConditionalOnClass(BindingsLifecycleController.class)
@ConditionalOnProperty("appointments.dynamodb.consumer-binding")
@ConditionalOnBean(name = "dynamoDbCircuitBreaker")
public class ConsumerPauseAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsumerPauseAutoConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService consumerSwitch(CircuitBreaker dynamoDbCircuitBreaker, BindingsLifecycleController bindings,
            DynamoDbResilienceProperties properties) {
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
