package dev.appointments.request.intake;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Waits for the outcome of a queued request by reading it every {@link #POLL_INTERVAL},
 * on a small scheduler of its own: a client that asked to wait holds no servlet thread
 * meanwhile (the intake answers asynchronously), so patients waiting for their answer
 * cannot starve the server of threads. Any failure to read ends the wait early with no
 * outcome: the request is queued either way, and the client is told so (202).
 */
@Component
class OutcomeWaits implements DisposableBean {

    /** How often the outcome is read while waiting. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(OutcomeWaits.class);

    private final Outcomes outcomes;

    private final ScheduledExecutorService scheduler;

    OutcomeWaits(Outcomes outcomes) {
        this.outcomes = outcomes;
        this.scheduler = Executors.newScheduledThreadPool(2,
                Thread.ofPlatform().name("intake-outcome-wait-", 0).daemon().factory());
    }

    /**
     * The outcome of {@code requestId} once recorded, or empty when {@code wait} ran out
     * first.
     */
    CompletableFuture<Optional<Outcome>> await(String requestId, Duration wait) {
        CompletableFuture<Optional<Outcome>> result = new CompletableFuture<>();
        long deadline = System.nanoTime() + wait.toNanos();
        schedule(requestId, deadline, result, Math.min(POLL_INTERVAL.toNanos(), wait.toNanos()));
        return result;
    }

    private void poll(String requestId, long deadline, CompletableFuture<Optional<Outcome>> result) {
        Optional<Outcome> outcome;
        try {
            outcome = outcomes.find(requestId);
        }
        catch (RuntimeException ex) {
            log.warn("Could not read the outcome of request {} while the client waited; answering that it is queued",
                    requestId, ex);
            result.complete(Optional.empty());
            return;
        }
        long left = deadline - System.nanoTime();
        if (outcome.isPresent() || left <= 0) {
            result.complete(outcome);
            return;
        }
        schedule(requestId, deadline, result, Math.min(POLL_INTERVAL.toNanos(), left));
    }

    private void schedule(String requestId, long deadline, CompletableFuture<Optional<Outcome>> result,
            long delayNanos) {
        try {
            scheduler.schedule(() -> poll(requestId, deadline, result), delayNanos, TimeUnit.NANOSECONDS);
        }
        catch (RejectedExecutionException shuttingDown) {
            result.complete(Optional.empty());
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

}
