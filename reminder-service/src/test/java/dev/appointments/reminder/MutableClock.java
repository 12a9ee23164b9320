package dev.appointments.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the tests move forward by hand, so due times pass without sleeping. It never
 * goes back: the services of every test context in the JVM share it, and their timers
 * must not see time reverse.
 */
final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The test clock is UTC");
    }

    /** Moves to {@code instant}, or stays where it is if that is in its past. */
    void advanceTo(Instant instant) {
        now.accumulateAndGet(instant, (current, target) -> target.isAfter(current) ? target : current);
    }

    void advance(Duration duration) {
        now.accumulateAndGet(null, (current, ignored) -> current.plus(duration));
    }

}
