package dev.appointments.timers.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.appointments.timers.TimerPoller;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a round of the poller every poll interval on a thread of its own, from the start
 * of the application context to its stop. A round is skipped while the DynamoDB circuit
 * is open: every call would be refused anyway, and the consumers are paused too; the
 * first round after the circuit half-opens releases what came due meanwhile.
 */
final class TimerRelease implements SmartLifecycle {

    /** The name of the thread that polls. */
    static final String THREAD_NAME = "durable-timers";

    private static final Logger log = LoggerFactory.getLogger(TimerRelease.class);

    private final TimerPoller poller;

    private final CircuitBreaker circuitBreaker;

    private final Duration interval;

    private ScheduledExecutorService executor;

    /**
     * @param circuitBreaker the DynamoDB circuit breaker; {@code null} when the service
     * has none
     */
    TimerRelease(TimerPoller poller, CircuitBreaker circuitBreaker, Duration interval) {
        this.poller = poller;
        this.circuitBreaker = circuitBreaker;
        this.interval = interval;
    }

    /** One round, unless the circuit is open; returns how many timers were released. */
    int releaseDue() {
        if (circuitOpen()) {
            log.debug("DynamoDB circuit open: the timer round is skipped");
            return 0;
        }
        return poller.poll();
    }

    private boolean circuitOpen() {
        if (circuitBreaker == null) {
            return false;
        }
        CircuitBreaker.State state = circuitBreaker.getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::releaseDueSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void releaseDueSafely() {
        try {
            releaseDue();
        }
        catch (RuntimeException ex) {
            // A scheduled task that throws is never run again.
            log.warn("A round of the durable timers failed; the next one tries again: {}", ex.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

}
