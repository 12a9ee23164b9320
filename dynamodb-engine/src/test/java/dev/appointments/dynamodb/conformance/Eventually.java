package dev.appointments.dynamodb.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads that are eventually consistent by definition (global secondary indexes), repeated
 * until they show what the test wrote; an engine that is consistent at once passes on the
 * first read.
 */
final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Eventually() {
    }

    static <T> T read(Supplier<T> read, Predicate<T> complete) {
        Instant deadline = Instant.now().plus(PATIENCE);
        T result = read.get();
        while (!complete.test(result) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(250);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return result;
            }
            result = read.get();
        }
        return result;
    }

}
