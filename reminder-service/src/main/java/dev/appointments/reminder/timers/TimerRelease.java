package dev.appointments.reminder.timers;

import dev.appointments.timers.TimerPoller;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases due timers every {@code appointments.reminder.timers.poll-interval}: a reminder goes out at most that long
 * after its due time, plus the time its message waits in the queue.
 */
@Component
class TimerRelease {

    private final TimerPoller poller;

    TimerRelease(TimerPoller poller) {
        this.poller = poller;
    }

    @Scheduled(fixedDelayString = "${appointments.reminder.timers.poll-interval:5s}",
            initialDelayString = "${appointments.reminder.timers.poll-interval:5s}")
    void releaseDue() {
        poller.poll();
    }
}
