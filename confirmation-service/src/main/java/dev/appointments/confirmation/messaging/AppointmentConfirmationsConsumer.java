package dev.appointments.confirmation.messaging;

import java.util.Set;
import java.util.function.Consumer;

import dev.appointments.confirmation.lifecycle.AppointmentConfirmationsHandler;
import dev.appointments.confirmation.lifecycle.Handled;
import dev.appointments.confirmation.lifecycle.UnanswerableMessage;
import dev.appointments.model.MessageTypes;
import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.resources.QueueDefinition;
import dev.appointments.resources.Queues;
import dev.appointments.store.outcome.UnreadableCommand;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer of appointment-confirmations. A message is acknowledged when this function
 * returns: after its transition or outcome is written and its notices are sent. Failures
 * that may pass throw, and SQS redelivers the message until it succeeds or reaches the
 * dead-letter queue. A message that can never be read or answered throws an
 * {@link UnanswerableMessage}, which the binding declares not retryable: it goes to the
 * dead-letter queue at once, and a producer command among them is answered first when a
 * requestId can be read from it.
 */
@Configuration(proxyBeanMethods = false)
class AppointmentConfirmationsConsumer {

    private static final Logger log = LoggerFactory.getLogger(AppointmentConfirmationsConsumer.class);

    /**
     * The types on this queue that the system writes itself: an unreadable one is a bug,
     * with no producer to answer.
     */
    private static final Set<String> INTERNAL_TYPES = Set.of("AppointmentRequested", "AppointmentRescheduled",
            "AppointmentCancelled", "HoldExpired");

    @Bean
    Consumer<Message<String>> appointmentConfirmations(JsonMapper json, AppointmentConfirmationsHandler handler,
            ReminderPublisher publisher, MeterRegistry meters) {
        return message -> {
            AppointmentConfirmationsMessage received = read(json, message, handler, meters);
            String type = MessageTypes.typeOf(received);
            try (var appointmentId = MDC.putCloseable("appointmentId", received.appointmentId());
                    var messageType = MDC.putCloseable("messageType", type)) {
                Handled handled = handler.handle(received);
                if (handled.duplicateRequestId()) {
                    log.warn("Refused a command whose requestId was used before for a different command; the refusal "
                            + "is listed with the first outcome");
                }
                else {
                    publisher.publish(handled.notices());
                }
                String reason = handled.outcome() == null || handled.outcome().reason() == null ? "none"
                        : handled.outcome().reason();
                log.info("{}: {}{}", type, handled.result(), "none".equals(reason) ? "" : " (" + reason + ")");
                meters.counter("appointments.confirmations", "type", type, "result", handled.result(), "reason", reason)
                    .increment();
            }
        };
    }

    private static AppointmentConfirmationsMessage read(JsonMapper json, Message<String> message,
            AppointmentConfirmationsHandler handler, MeterRegistry meters) {
        String body = message.getPayload();
        try {
            return json.readValue(body, AppointmentConfirmationsMessage.class);
        }
        catch (JacksonException ex) {
            UnreadableCommand unreadable = UnreadableCommand.of(body, header(message, "requestId"),
                    header(message, "type"), ex);
            boolean answered = unreadable.requestId() != null && !INTERNAL_TYPES.contains(unreadable.type())
                    && handler.refuseUnreadable(unreadable, deadLetterQueue(message));
            // Say what is wrong with the body, not what it says.
            log.warn("Unreadable {} message{}: {}", unreadable.type(), answered ? ", answered" : "",
                    unreadable.problem());
            meters.counter("appointments.confirmations.unreadable", "answered", Boolean.toString(answered)).increment();
            throw new UnanswerableMessage("Not a message of appointment-confirmations: " + unreadable.problem());
        }
    }

    private static String deadLetterQueue(Message<String> message) {
        Object queue = message.getHeaders().get("Sqs_QueueName");
        return (queue != null ? queue : Queues.APPOINTMENT_CONFIRMATIONS) + QueueDefinition.DLQ_SUFFIX;
    }

    private static String header(Message<String> message, String name) {
        Object value = message.getHeaders().get(name);
        return value == null ? null : value.toString();
    }

}
