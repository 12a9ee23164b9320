package dev.appointments.request.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.EmbeddedEnginesExtension;
import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedEnginesExtension.class)
class OutcomeWaitsIntegrationTests {

    private final Outcomes outcomes = new Outcomes(EmbeddedEngines.shared().dynamoDb(), DynamoDbCalls.DIRECT);

    private final OutcomeWaits waits = new OutcomeWaits(outcomes);

    @AfterEach
    void stop() {
        waits.destroy();
    }

    @Test
    void answersAsSoonAsTheOutcomeIsRecorded() throws Exception {
        String requestId = "wait-" + UUID.randomUUID();
        long started = System.nanoTime();
        CompletableFuture<Optional<Outcome>> waiting = waits.await(requestId, Duration.ofSeconds(10));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();

        outcomes
            .record(Outcome.accepted(requestId, "RequestAppointment", "f", "appointment-1", "booked", Instant.now()));

        Optional<Outcome> outcome = waiting.get(5, TimeUnit.SECONDS);
        assertThat(outcome).hasValueSatisfying(found -> assertThat(found.appointmentId()).isEqualTo("appointment-1"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void endsEmptyWhenTheWaitRunsOut() throws Exception {
        long started = System.nanoTime();

        Optional<Outcome> outcome = waits.await("never-" + UUID.randomUUID(), Duration.ofSeconds(1))
            .get(5, TimeUnit.SECONDS);

        assertThat(outcome).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(950),
                Duration.ofSeconds(3));
    }

    @Test
    void endsEmptyWhenTheOutcomeCannotBeRead() throws Exception {
        OutcomeWaits failing = new OutcomeWaits(new Outcomes(EmbeddedEngines.shared().dynamoDb(), new DynamoDbCalls() {
            @Override
            public <T> T call(java.util.function.Supplier<T> call) {
                throw new IllegalStateException("DynamoDB is down");
            }
        }));
        try {
            assertThat(failing.await("down-" + UUID.randomUUID(), Duration.ofSeconds(10)).get(5, TimeUnit.SECONDS))
                .isEmpty();
        }
        finally {
            failing.destroy();
        }
    }

}
