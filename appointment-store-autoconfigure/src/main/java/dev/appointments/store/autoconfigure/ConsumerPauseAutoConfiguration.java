package dev.appointments.store.autoconfigure;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.appointments.binder.sqs.consumer.RedeliveryDelay;
import dev.appointments.resources.Tables;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * While the DynamoDB circuit is open or half-open, the service's consumer binding is stopped, so messages wait on the
 * queue instead of failing towards the dead-letter queue; when probe calls have closed the circuit again, consumption
 * resumes. A message that failed because DynamoDB was down comes back {@code appointments.dynamodb.redeliver-after}
 * later rather than after the queue's visibility timeout, so that it is processed soon after DynamoDB's return.
 * The binding needs a {@code group}: Spring Cloud Stream cannot restart an anonymous binding.
 */
@AutoConfiguration(after = AppointmentStoreAutoConfiguration.class)
@ConditionalOnClass(BindingsLifecycleController.class)
@ConditionalOnProperty("appointments.dynamodb.consumer-binding")
@ConditionalOnBean(name = "dynamoDbCircuitBreaker")
public class ConsumerPauseAutoConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService consumerSwitch(CircuitBreaker dynamoDbCircuitBreaker, BindingsLifecycleController bindings,
            DynamoDbClient dynamoDb, DynamoDbResilienceProperties properties) {
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "consumer-switch"));
        // Every service may describe the appointments table (its readiness check does).
        Runnable probe = () -> dynamoDb.describeTable(request -> request.tableName(Tables.Appointments.NAME));
        new ConsumerSwitch(dynamoDbCircuitBreaker, bindings, properties.consumerBinding(), probe, executor).follow();
        return executor;
    }

    /** With the SQS binder: the quick redelivery of messages of the paused binding that failed on the outage. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RedeliveryDelay.class)
    static class OutageRedelivery {

        @Bean
        RedeliveryDelay dynamoDbOutageRedelivery(DynamoDbResilienceProperties properties) {
            return (binding, failure) -> binding.equals(properties.consumerBinding())
                    && ResilientDynamoDbCalls.isOutageOrOpenCircuit(failure)
                            ? Optional.of(properties.redeliverAfter()) : Optional.empty();
        }
    }
}
