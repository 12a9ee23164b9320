package dev.appointments.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenBucketsTests {

    private final AtomicLong now = new AtomicLong();

    private final TokenBuckets buckets = new TokenBuckets(2, Duration.ofMinutes(1), 100, now::get);

    @Test
    void letsABurstUpToCapacityThroughThenSaysHowLongToWait() {
        assertThat(buckets.tryTake("a")).isEmpty();
        assertThat(buckets.tryTake("a")).isEmpty();

        assertThat(buckets.tryTake("a")).hasValue(Duration.ofSeconds(30));
    }

    @Test
    void refillsAtCapacityPerPeriod() {
        buckets.tryTake("a");
        buckets.tryTake("a");

        now.addAndGet(Duration.ofSeconds(20).toNanos());
        assertThat(buckets.tryTake("a")).hasValue(Duration.ofSeconds(10));
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(buckets.tryTake("a")).isEmpty();
    }

    @Test
    void keepsClientsApart() {
        buckets.tryTake("a");
        buckets.tryTake("a");

        assertThat(buckets.tryTake("b")).isEmpty();
    }

    @Test
    void forgetsIdleClientsWhenFullWithoutChangingAnyDecision() {
        TokenBuckets small = new TokenBuckets(1, Duration.ofSeconds(10), 2, now::get);
        small.tryTake("a");
        small.tryTake("b");
        now.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(small.tryTake("c")).isEmpty();
        assertThat(small.tryTake("a")).isEmpty();
        assertThat(small.tryTake("a")).isPresent();
    }

    @Test
    void refusesAnEmptyLimit() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBuckets(0, Duration.ofMinutes(1), 10, now::get));
    }

}
