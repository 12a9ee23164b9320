package dev.appointments.reminder.store;

import java.time.Duration;
import java.util.function.Supplier;

import dev.appointments.store.DynamoDbCalls;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Retries a DynamoDB call that was throttled, a few times with jittered backoff. Anything else, a refused condition
 * included, goes straight to the caller: an outage fails the message, which SQS then redelivers.
 */
final class RetryingDynamoDbCalls implements DynamoDbCalls {

    private final Retry retry;

    RetryingDynamoDbCalls(int attempts) {
        this.retry = Retry.of("dynamodb", RetryConfig.custom()
                .maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(25), 2.0))
                .retryOnException(failure -> failure instanceof DynamoDbException dynamoDb
                        && dynamoDb.isThrottlingException())
                .build());
    }

    @Override
    public <T> T call(Supplier<T> call) {
        return Retry.decorateSupplier(retry, call).get();
    }
}
