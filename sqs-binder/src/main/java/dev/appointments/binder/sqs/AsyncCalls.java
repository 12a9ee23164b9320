package dev.appointments.binder.sqs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waits for a call of the asynchronous SQS client where the binder needs its answer
 * before going on, and throws what the call failed with (an SDK exception, not a
 * CompletionException wrapping it).
 */
public final class AsyncCalls {

    private AsyncCalls() {
    }

    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw ex;
        }
    }

}
