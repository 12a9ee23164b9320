package dev.appointments.store.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResilientDynamoDbCallsTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AppointmentStoreAutoConfiguration.class))
        .withBean(DynamoDbClient.class,
                () -> DynamoDbClient.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1).build())
        .withPropertyValues("appointments.dynamodb.retry-attempts=3", "appointments.dynamodb.circuit-open-for=1h");

    @Test
    void retriesThrottledCallsABoundedNumberOfTimes() {
        contexts.run(context -> {
            var calls = context.getBean(dev.appointments.store.DynamoDbCalls.class);
            AtomicInteger attempts = new AtomicInteger();

            assertThatThrownBy(() -> calls.call(() -> {
                attempts.incrementAndGet();
                throw ProvisionedThroughputExceededException.builder()
                    .message("slow down")
                    .statusCode(400)
                    .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("ProvisionedThroughputExceededException")
                        .build())
                    .build();
            })).isInstanceOf(ProvisionedThroughputExceededException.class);

            assertThat(attempts).hasValue(3);
        });
    }

    @Test
    void passesRefusedConditionsThroughWithoutRetryingOrOpeningTheCircuit() {
        contexts.run(context -> {
            var calls = context.getBean(dev.appointments.store.DynamoDbCalls.class);
            AtomicInteger attempts = new AtomicInteger();
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> calls.call(() -> {
                    attempts.incrementAndGet();
                    throw ConditionalCheckFailedException.builder().message("taken").build();
                })).isInstanceOf(ConditionalCheckFailedException.class);
            }
            assertThat(attempts).hasValue(10);
            assertThat(context.getBean(CircuitBreaker.class).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        });
    }

    @Test
    void opensTheCircuitWhenDynamoDbIsUnreachableAndThenFailsAtOnce() {
        contexts.run(context -> {
            var calls = context.getBean(dev.appointments.store.DynamoDbCalls.class);
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> calls.call(() -> {
                    throw SdkClientException.create("Connection refused");
                })).isInstanceOf(SdkClientException.class);
            }

            assertThat(context.getBean(CircuitBreaker.class).getState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThatThrownBy(() -> calls.call(() -> "never called")).isInstanceOf(CallNotPermittedException.class);
            assertThat(context.getBean(CircuitBreaker.class)
                .getCircuitBreakerConfig()
                .getWaitIntervalFunctionInOpenState()
                .apply(1)).isEqualTo(Duration.ofHours(1).toMillis());
        });
    }

}
