package dev.appointments.query.dynamodb;

import java.time.Duration;
import java.util.function.Supplier;

import dev.appointments.store.DynamoDbCalls;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Every read retries when DynamoDB throttles, inside a circuit breaker that answers at once while DynamoDB is
 * unreachable, so a burst of page loads during an outage does not pile up threads waiting on timeouts.
 */
final class ResilientReads implements DynamoDbCalls {

    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    ResilientReads(int attempts, Duration openFor) {
        this.circuitBreaker = CircuitBreaker.of("dynamodb", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(ResilientReads::isOutage)
                .build());
        this.retry = Retry.of("dynamodb", RetryConfig.custom()
                .maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(25), 2.0))
                .retryOnException(failure -> failure instanceof DynamoDbException dynamoDb
                        && dynamoDb.isThrottlingException())
                .build());
    }

    @Override
    public <T> T call(Supplier<T> call) {
        return CircuitBreaker.decorateSupplier(circuitBreaker, Retry.decorateSupplier(retry, call)).get();
    }

    /** Whether a failure says DynamoDB is unwell, as opposed to a bad request. */
    static boolean isOutage(Throwable failure) {
        return failure instanceof SdkClientException
                || failure instanceof DynamoDbException dynamoDb
                        && (dynamoDb.statusCode() >= 500 || dynamoDb.isThrottlingException());
    }
}
