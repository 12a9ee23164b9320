package dev.appointments.store;

import java.util.function.Supplier;

/**
 * How the stores call DynamoDB: services wrap each call in their circuit breaker and
 * retries.
 */
@FunctionalInterface
public interface DynamoDbCalls {

    /** Calls DynamoDB directly. */
    DynamoDbCalls DIRECT = new DynamoDbCalls() {
        @Override
        public <T> T call(Supplier<T> call) {
            return call.get();
        }
    };

    <T> T call(Supplier<T> call);

}
