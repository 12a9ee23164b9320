package dev.appointments.request.messaging;

import java.util.function.Consumer;

import dev.appointments.model.Identifier;
import dev.appointments.model.MessageTypes;
import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.model.requests.AppointmentRequestsMessage;
import dev.appointments.request.booking.AppointmentRequestsHandler;
import dev.appointments.store.command.Handled;
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
 * The consumer of appointment-requests. A message is acknowledged when this function
 * returns: after the outcome is recorded and the facts are published. Failures that may
 * pass throw, and SQS redelivers the message until it succeeds or reaches the dead-letter
 * queue; a message that can never be read is answered when it carries a requestId and
 * goes to the dead-letter queue at once.
 */
@Configuration(proxyBeanMethods = false)
class AppointmentRequestsConsumer {

    private static final Logger log = LoggerFactory.getLogger(AppointmentRequestsConsumer.class);

    @Bean
    Consumer<Message<String>> appointmentRequests(JsonMapper json, AppointmentRequestsHandler handler,
            FactPublisher publisher, UnreadableCommands unreadable, MeterRegistry meters) {
        return message -> {
            AppointmentRequestsMessage command = read(json, message, unreadable);
            try (var requestId = MDC.putCloseable("requestId", command.requestId());
                    var type = MDC.putCloseable("messageType", command.getClass().getSimpleName())) {
                Handled<AppointmentConfirmationsMessage> handled = handler.handle(command);
                if (handled.duplicateRequestId()) {
                    if (handled.refusalRecorded()) {
                        log.warn("Refused a {} whose requestId was used before for a different command; the refusal "
                                + "is listed with the first outcome", MessageTypes.typeOf(command));
                        meters.counter("appointments.commands.duplicate.request.id").increment();
                    }
                    return;
                }
                publisher.publish(handled.facts(), command.requestId());
                var outcome = handled.outcome();
                log.info("Command {}: {}{}", outcome.status(), outcome.commandType(),
                        outcome.reason() == null ? "" : " (" + outcome.reason() + ")");
                meters
                    .counter("appointments.commands", "type", outcome.commandType(), "status", outcome.status().name(),
                            "reason", outcome.reason() == null ? "none" : outcome.reason())
                    .increment();
            }
        };
    }

    private static AppointmentRequestsMessage read(JsonMapper json, Message<String> message,
            UnreadableCommands unreadable) {
        String body = message.getPayload();
        String requestIdAttribute = UnreadableCommands.header(message, "requestId");
        AppointmentRequestsMessage command;
        try {
            command = json.readValue(body, AppointmentRequestsMessage.class);
        }
        catch (JacksonException ex) {
            throw unreadable.refuse(
                    UnreadableCommand.of(body, requestIdAttribute, UnreadableCommands.header(message, "type"), ex),
                    message);
        }
        String requestId = command.requestId();
        // Outcomes are keyed by requestId: a command without a valid one cannot be
        // answered or made idempotent.
        if (requestId == null || requestId.length() > Identifier.MAX_LENGTH || !requestId.matches(Identifier.PATTERN)) {
            throw unreadable.refuse(
                    UnreadableCommand.withoutRequestId(body, requestIdAttribute, MessageTypes.typeOf(command)),
                    message);
        }
        return command;
    }

}
