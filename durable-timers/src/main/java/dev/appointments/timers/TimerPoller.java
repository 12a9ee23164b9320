package dev.appointments.timers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One polling round over the due timers, for a scheduler to run every few seconds:
 * releases batches until fewer than a batch are due, and logs a failure instead of
 * throwing, so that the next round runs anyway.
 */
public final class TimerPoller implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);

    private final DurableTimers timers;

    private final TimerSender sender;

    private final int batchSize;

    public TimerPoller(DurableTimers timers, TimerSender sender, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("A batch holds at least one timer");
        }
        this.timers = timers;
        this.sender = sender;
        this.batchSize = batchSize;
    }

    @Override
    public void run() {
        poll();
    }

    /**
     * Releases the due timers; returns how many were sent, up to a failure of DynamoDB.
     */
    public int poll() {
        int total = 0;
        try {
            int sent;
            do {
                sent = timers.releaseDue(sender, batchSize);
                total += sent;
            }
            while (sent == batchSize);
        }
        catch (RuntimeException ex) {
            log.warn("Releasing due timers failed after {} sent; the next round tries again: {}", total, ex.toString());
        }
        return total;
    }

}
