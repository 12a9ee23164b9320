package dev.appointments.request.messaging;

import java.time.Clock;

import dev.appointments.resources.Queues;
import dev.appointments.resources.QueueDefinition;
import dev.appointments.store.outcome.Outcomes;
import dev.appointments.store.outcome.UnreadableCommand;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Answers messages that can never be read as commands. When a requestId can be read from
 * one, its producer gets an outcome (REJECTED, INVALID, naming the dead-letter queue);
 * either way the message is then failed with an {@link UnreadableMessage}, which the
 * binding declares not retryable, so it goes to the dead-letter queue at once, as it was
 * sent, instead of after every redelivery.
 */
@Component
class UnreadableCommands {

    private static final Logger log = LoggerFactory.getLogger(UnreadableCommands.class);

    /** The header Spring Cloud AWS names the source queue in. */
    private static final String QUEUE_NAME_HEADER = "Sqs_QueueName";

    private final Outcomes outcomes;

    private final Clock clock;

    private final MeterRegistry meters;

    UnreadableCommands(Outcomes outcomes, Clock clock, MeterRegistry meters) {
        this.outcomes = outcomes;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Records the answer when it can, and returns the exception to fail the message with.
     */
    UnreadableMessage refuse(UnreadableCommand unreadable, Message<String> message) {
        Object queue = message.getHeaders().get(QUEUE_NAME_HEADER);
        String deadLetterQueue = (queue != null ? queue : Queues.APPOINTMENT_REQUESTS) + QueueDefinition.DLQ_SUFFIX;
        try (var requestId = MDC.putCloseable("requestId", unreadable.requestId())) {
            unreadable.outcome(deadLetterQueue, clock.instant()).ifPresent(outcomes::recordOrRefuse);
            // The problem names fields and types, never values: the body may hold
            // personal data.
            log.warn("Unreadable {} message{}: {}", unreadable.type(),
                    unreadable.requestId() == null ? " without a requestId" : "", unreadable.problem());
            meters
                .counter("appointments.commands.unreadable", "answered",
                        Boolean.toString(unreadable.requestId() != null))
                .increment();
        }
        return new UnreadableMessage("Not a command of appointment-requests: " + unreadable.problem(), null);
    }

    static String header(Message<String> message, String name) {
        Object value = message.getHeaders().get(name);
        return value == null ? null : value.toString();
    }

}
