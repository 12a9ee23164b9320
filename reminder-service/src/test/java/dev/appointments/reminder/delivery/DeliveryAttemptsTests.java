package dev.appointments.reminder.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryAttemptsTests {

    private final DeliveryAttempts attempts = new DeliveryAttempts(4, Duration.ofMillis(1), 2.0,
            Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC));

    private final Notice notice = LettersTests.notice(Topic.CONFIRMED, "2027-03-03T14:30:00Z", "America/New_York",
            null);

    @Test
    void retriesAFailureThatMayPassUntilItSucceeds() {
        DeliveryResult result = attempts.deliver(failing(3, true), notice);

        assertThat(result).extracting(DeliveryResult::status, DeliveryResult::attempts, DeliveryResult::reason)
            .containsExactly(DeliveryStatus.SENT, 4, null);
    }

    @Test
    void endsAsAFailureAfterTheLastAttempt() {
        DeliveryResult result = attempts.deliver(failing(10, true), notice);

        assertThat(result).extracting(DeliveryResult::status, DeliveryResult::attempts, DeliveryResult::reason)
            .containsExactly(DeliveryStatus.FAILED, 4, "TEST_FAILURE");
    }

    @Test
    void doesNotRetryAFailureThatCannotPass() {
        DeliveryResult result = attempts.deliver(failing(10, false), notice);

        assertThat(result).extracting(DeliveryResult::status, DeliveryResult::attempts)
            .containsExactly(DeliveryStatus.FAILED, 1);
    }

    private static Channel failing(int times, boolean retryable) {
        AtomicInteger calls = new AtomicInteger();
        return new Channel() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public boolean appliesTo(Notice notice) {
                return true;
            }

            @Override
            public void deliver(Notice notice) {
                if (calls.incrementAndGet() <= times) {
                    throw new DeliveryFailed("TEST_FAILURE", retryable, null);
                }
            }
        };
    }

}
