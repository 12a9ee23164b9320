package dev.appointments.confirmation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the confirmation-service, each overridable by environment variable
 * ({@code APPOINTMENTS_CONFIRMATION_CONFIRMATIONS_QUEUE}). Its durable timers are set
 * under {@code appointments.timers.*} (module durable-timers).
 *
 * @param confirmationsQueue the queue hold timers are released to: the one this service
 * consumes
 */
@ConfigurationProperties("appointments.confirmation")
public record ConfirmationServiceProperties(@DefaultValue("appointment-confirmations") String confirmationsQueue) {
}
