package dev.appointments.store.autoconfigure;

import java.time.Duration;
import java.util.function.Supplier;

import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.appointment.TransientConflictException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Every DynamoDB call goes through a bounded retry (throttling, transaction conflicts) inside a circuit breaker
 * (unreachable DynamoDB, server errors). Refused conditions and cancelled transactions are answers, not faults: they
 * pass straight through and leave the circuit alone.
 */
final class ResilientDynamoDbCalls implements DynamoDbCalls {

    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    ResilientDynamoDbCalls(CircuitBreaker circuitBreaker, int attempts) {
        this.circuitBreaker = circuitBreaker;
        this.retry = Retry.of("dynamodb", RetryConfig.custom()
                .maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(25), 2.0))
                .retryOnException(ResilientDynamoDbCalls::worthRetrying)
                .build());
    }

    @Override
    public <T> T call(Supplier<T> call) {
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call)).get();
    }

    static boolean worthRetrying(Throwable failure) {
        return failure instanceof TransientConflictException
                || failure instanceof DynamoDbException dynamoDb && dynamoDb.isThrottlingException();
    }

    /** Whether a failure says DynamoDB is unwell, as opposed to a refused condition or a bad request. */
    static boolean isOutage(Throwable failure) {
        return failure instanceof SdkClientException
                || failure instanceof DynamoDbException dynamoDb
                        && (dynamoDb.statusCode() >= 500 || dynamoDb.isThrottlingException());
    }
}
