package dev.appointments.store.autoconfigure;

import java.time.Duration;

import dev.appointments.store.appointment.TransientConflict;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbRedeliveryDelayTests {

    private final DynamoDbRedeliveryDelay delay = new DynamoDbRedeliveryDelay(
            new DynamoDbResilienceProperties(6, Duration.ofSeconds(1), Duration.ofSeconds(10), "bookings-in-0",
                    Duration.ofSeconds(8), Duration.ofSeconds(4)));

    @Test
    void aMessageThatFailedOnAnOutageOrAnOpenCircuitComesBackAfterRedeliverAfter() {
        var open = CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("test"));
        var unreachable = SdkClientException.create("Unable to execute HTTP request: Connection refused");

        assertThat(delay.after("bookings-in-0", open)).contains(Duration.ofSeconds(8));
        assertThat(delay.after("bookings-in-0", new IllegalStateException("wrapped", unreachable)))
            .contains(Duration.ofSeconds(8));
    }

    @Test
    void aMessageWhoseWriteKeptCollidingComesBackAfterARandomDelayUpToConflictRedeliverAfter() {
        for (int i = 0; i < 50; i++) {
            assertThat(delay.after("bookings-in-0", conflict()))
                .hasValueSatisfying(after -> assertThat(after).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(4)));
        }
    }

    private static TransientConflict conflict() {
        try {
            return TransientConflict.whenCollided(() -> {
                throw TransactionCanceledException.builder()
                    .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build())
                    .build();
            });
        }
        catch (TransientConflict ex) {
            return ex;
        }
    }

    @Test
    void anyOtherFailureOrBindingWaitsForTheVisibilityTimeout() {
        assertThat(delay.after("bookings-in-0", new IllegalArgumentException("bad command"))).isEmpty();
        assertThat(delay.after("other-in-0", SdkClientException.create("Connection refused"))).isEmpty();
    }

}
