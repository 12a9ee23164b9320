package dev.appointments.timers;

/**
 * Sends a due timer's message; implemented by the services (for example with StreamBridge
 * or SqsTemplate).
 * <p>
 * An implementation sends to {@link Timer#queue()} with {@link Timer#attributes()} as
 * message attributes. A service releases only the timers of its own namespace, so these
 * are the queues its own timers name. It throws when the message could not be sent; the
 * timer is then released again later.
 */
@FunctionalInterface
public interface TimerSender {

    void send(Timer timer);

}
