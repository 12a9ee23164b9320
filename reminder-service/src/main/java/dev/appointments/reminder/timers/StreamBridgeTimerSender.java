package dev.appointments.reminder.timers;

import dev.appointments.timers.Timer;
import dev.appointments.timers.TimerSender;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends a due timer's message to the queue it names, through the SQS binder: the timers table is shared, so this
 * instance may release other services' timers too (hold expiries to appointment-confirmations). StreamBridge binds
 * a destination it has no binding for on first use.
 */
final class StreamBridgeTimerSender implements TimerSender {

    private final StreamBridge streamBridge;

    StreamBridgeTimerSender(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public void send(Timer timer) {
        var message = MessageBuilder.withPayload(timer.body()).setHeader("contentType", "application/json");
        timer.attributes().forEach(message::setHeader);
        if (!streamBridge.send(timer.queue(), message.build())) {
            throw new IllegalStateException("Could not send timer " + timer.timerId() + " to " + timer.queue());
        }
    }
}
