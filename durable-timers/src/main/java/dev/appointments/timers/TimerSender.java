package dev.appointments.timers;

/**
 * Sends a due timer's message; implemented by the services (for example with StreamBridge or SqsTemplate).
 * <p>
 * An implementation must send to {@link Timer#queue()} with {@link Timer#attributes()} as message attributes,
 * whatever the queue: the services share the timers table, and any instance that polls it may release any due
 * timer. It throws when the message could not be sent; the timer is then released again later.
 */
@FunctionalInterface
public interface TimerSender {

    void send(Timer timer);
}
