package dev.appointments.store.autoconfigure;

import java.time.Duration;
import java.util.function.Supplier;

import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.appointment.TransientConflict;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Every DynamoDB call goes through a bounded retry with jittered exponential backoff
 * (throttling, transactions that collided with another one) inside a circuit breaker
 * (unreachable DynamoDB, server errors). Refused conditions are answers, not faults: they
 * pass straight through and leave the circuit alone. The retries end within a few
 * seconds, well inside the queues' visibility timeout; what still fails is left to SQS
 * redelivery.
 */
final class ResilientDynamoDbCalls implements DynamoDbCalls {

    private final CircuitBreaker circuitBreaker;

    private final Retry retry;

    /**
     * The first wait; each next one is twice as long, at most {@code maxBackoff}, and
     * randomised by half either way.
     */
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(25);

    ResilientDynamoDbCalls(CircuitBreaker circuitBreaker, int attempts, Duration maxBackoff) {
        this.circuitBreaker = circuitBreaker;
        // Jitter keeps colliding transactions from colliding again at the next attempt.
        this.retry = Retry.of("dynamodb",
                RetryConfig.custom()
                    .maxAttempts(attempts)
                    .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(FIRST_BACKOFF, 2.0, 0.5, maxBackoff))
                    .retryOnException(ResilientDynamoDbCalls::worthRetrying)
                    .build());
    }

    @Override
    public <T> T call(Supplier<T> call) {
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call)).get();
    }

    static boolean worthRetrying(Throwable failure) {
        return failure instanceof TransientConflict
                || failure instanceof DynamoDbException dynamoDb && dynamoDb.isThrottlingException();
    }

    /**
     * Whether a failure, or one of its causes, says DynamoDB is unwell or the circuit
     * refused the call.
     */
    static boolean isOutageOrOpenCircuit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CallNotPermittedException || isOutage(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure, or one of its causes, is a write that kept colliding with other
     * transactions.
     */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientConflict) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure says DynamoDB is unwell, as opposed to a refused condition or a
     * bad request.
     */
    static boolean isOutage(Throwable failure) {
        return failure instanceof SdkClientException || failure instanceof DynamoDbException dynamoDb
                && (dynamoDb.statusCode() >= 500 || dynamoDb.isThrottlingException());
    }

}
