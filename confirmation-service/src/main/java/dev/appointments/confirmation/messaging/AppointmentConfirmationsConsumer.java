package dev.appointments.confirmation.messaging;

import java.util.function.Consumer;

import dev.appointments.confirmation.lifecycle.AppointmentConfirmationsHandler;
import dev.appointments.confirmation.lifecycle.Handled;
import dev.appointments.confirmation.lifecycle.UnanswerableMessageException;
import dev.appointments.model.MessageTypes;
import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
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
 * The consumer of appointment-confirmations. A message is acknowledged when this function returns: after its
 * transition or outcome is written and its notices are sent. Unreadable messages and failures that may pass throw,
 * and SQS redelivers them until they succeed or reach the dead-letter queue.
 */
@Configuration(proxyBeanMethods = false)
class AppointmentConfirmationsConsumer {

    private static final Logger log = LoggerFactory.getLogger(AppointmentConfirmationsConsumer.class);

    @Bean
    Consumer<Message<String>> appointmentConfirmations(JsonMapper json, AppointmentConfirmationsHandler handler,
            ReminderPublisher publisher, MeterRegistry meters) {
        return message -> {
            AppointmentConfirmationsMessage received = read(json, message.getPayload());
            String type = MessageTypes.typeOf(received);
            try (var appointmentId = MDC.putCloseable("appointmentId", received.appointmentId());
                    var messageType = MDC.putCloseable("messageType", type)) {
                Handled handled = handler.handle(received);
                if (handled.duplicateRequestId()) {
                    log.warn("Ignored a command whose requestId was used before for a different command");
                } else {
                    publisher.publish(handled.notices());
                }
                String reason = handled.outcome() == null || handled.outcome().reason() == null ? "none"
                        : handled.outcome().reason();
                log.info("{}: {}{}", type, handled.result(), "none".equals(reason) ? "" : " (" + reason + ")");
                meters.counter("appointments.confirmations", "type", type, "result", handled.result(), "reason",
                        reason).increment();
            }
        };
    }

    private static AppointmentConfirmationsMessage read(JsonMapper json, String body) {
        try {
            return json.readValue(body, AppointmentConfirmationsMessage.class);
        }
        catch (JacksonException ex) {
            // Say what is wrong with the body, not what it says.
            throw new UnanswerableMessageException("Not a message of appointment-confirmations: "
                    + ex.getClass().getSimpleName());
        }
    }
}
