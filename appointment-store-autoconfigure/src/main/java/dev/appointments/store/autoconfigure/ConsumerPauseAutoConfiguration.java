package dev.appointments.store.autoconfigure;

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
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * While the DynamoDB circuit is open or half-open, the service's consumer binding is
 * stopped, so messages wait on the queue instead of failing towards the dead-letter
 * queue; when probe calls have closed the circuit again, consumption resumes. A message
 * that failed because DynamoDB was down comes back
 * {@code appointments.dynamodb.redeliver-after} later rather than after the queue's
 * visibility timeout, so that it is processed soon after DynamoDB's return. The binding
 * needs a {@code group}: Spring Cloud Stream cannot restart an anonymous binding.
 */
@AutoConfiguration(after = AppointmentStoreAutoConfiguration.class)
@ConditionalOnClass(BindingsLifecycleController.class)
@ConditionalOnProperty("appointments.dynamodb.consumer-binding")
@ConditionalOnBean(name = "dynamoDbCircuitBreaker")
public class ConsumerPauseAutoConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService consumerSwitch(CircuitBreaker dynamoDbCircuitBreaker, BindingsLifecycleController bindings,
            DynamoDbClient dynamoDb, DynamoDbResilienceProperties properties) {
        ExecutorService executor = Executors
            .newSingleThreadExecutor(runnable -> new Thread(runnable, "consumer-switch"));
        // Every service may describe the appointments table (its readiness check does).
        // Only an answer of DynamoDB
        // counts as a success, even a refusal; whatever else went wrong counts as an
        // outage, so that a probe can
        // never close the circuit while DynamoDB is still away.
        Runnable probe = () -> {
            try {
                dynamoDb.describeTable(request -> request.tableName(Tables.Appointments.NAME));
            }
            catch (DynamoDbException answer) {
                if (ResilientDynamoDbCalls.isOutage(answer)) {
                    throw answer;
                }
            }
            catch (RuntimeException noAnswer) {
                throw SdkClientException.create("DynamoDB did not answer: " + noAnswer, noAnswer);
            }
        };
        new ConsumerSwitch(dynamoDbCircuitBreaker, bindings, properties.consumerBinding(), probe, executor).follow();
        return executor;
    }

    /**
     * With the SQS binder: the quick redelivery of messages of the paused binding that
     * failed on the outage, and of those whose writes kept colliding with other
     * transactions (as in the catch-up after an outage, when the whole backlog arrives at
     * once), which come back after a random delay so as not to collide again.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RedeliveryDelay.class)
    static class OutageRedelivery {

        @Bean
        RedeliveryDelay dynamoDbOutageRedelivery(DynamoDbResilienceProperties properties) {
            return new DynamoDbRedeliveryDelay(properties);
        }

    }

}
