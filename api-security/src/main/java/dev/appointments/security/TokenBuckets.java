package dev.appointments.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client, in memory: {@code capacity} requests at once, refilled
 * continuously at {@code capacity} per {@code period}. Each instance of a service limits
 * on its own, so a fleet of N instances lets a client through up to N times the rate: the
 * limit protects each instance.
 */
final class TokenBuckets {

    private final long capacity;

    private final double tokensPerNano;

    private final int maxClients;

    private final LongSupplier nanoTime;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int capacity, Duration period, int maxClients, LongSupplier nanoTime) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a capacity >= 1 and a positive period");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) period.toNanos();
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes a token for the client; empty if it got one, otherwise how long until the
     * next one.
     */
    Optional<Duration> tryTake(String client) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
            forgetIdle(now);
        }
        return buckets.computeIfAbsent(client, key -> new Bucket(capacity, now)).take(now);
    }

    /**
     * A bucket that has filled up again carries no information: dropping it changes no
     * decision.
     */
    private void forgetIdle(long now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    private final class Bucket {

        private double tokens;

        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized Optional<Duration> take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
            updatedAt = now;
        }

    }

}
