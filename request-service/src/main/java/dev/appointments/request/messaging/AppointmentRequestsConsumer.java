package dev.appointments.request.messaging;

import java.util.function.Consumer;

import dev.appointments.model.requests.AppointmentRequestsMessage;
import dev.appointments.request.booking.AppointmentRequestsHandler;
import dev.appointments.request.booking.Handled;
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
 * The consumer of appointment-requests. A message is acknowledged when this function returns: after the outcome is
 * recorded and the facts are published. Unreadable messages and failures that may pass throw, and SQS redelivers
 * them until they succeed or reach the dead-letter queue.
 */
@Configuration(proxyBeanMethods = false)
class AppointmentRequestsConsumer {

    private static final Logger log = LoggerFactory.getLogger(AppointmentRequestsConsumer.class);

    @Bean
    Consumer<Message<String>> appointmentRequests(JsonMapper json, AppointmentRequestsHandler handler,
            FactPublisher publisher, MeterRegistry meters) {
        return message -> {
            AppointmentRequestsMessage command = read(json, message.getPayload());
            try (var requestId = MDC.putCloseable("requestId", command.requestId());
                    var type = MDC.putCloseable("messageType", command.getClass().getSimpleName())) {
                Handled handled = handler.handle(command);
                if (handled.duplicateRequestId()) {
                    log.warn("Ignored a command whose requestId was used before for a different command");
                    meters.counter("appointments.commands.duplicate.request.id").increment();
                    return;
                }
                publisher.publish(handled.facts(), command.requestId());
                var outcome = handled.outcome();
                log.info("Command {}: {}{}", outcome.status(), outcome.commandType(),
                        outcome.reason() == null ? "" : " (" + outcome.reason() + ")");
                meters.counter("appointments.commands", "type", outcome.commandType(), "status",
                        outcome.status().name(), "reason", outcome.reason() == null ? "none" : outcome.reason()).increment();
            }
        };
    }

    private static AppointmentRequestsMessage read(JsonMapper json, String body) {
        try {
            return json.readValue(body, AppointmentRequestsMessage.class);
        }
        catch (JacksonException ex) {
            // The body may hold personal data: say what is wrong with it, not what it says.
            throw new UnreadableMessageException("Not a command of appointment-requests: "
                    + ex.getClass().getSimpleName(), null);
        }
    }
}
