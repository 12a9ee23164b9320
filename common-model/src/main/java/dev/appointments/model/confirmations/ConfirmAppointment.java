package dev.appointments.model.confirmations;

import dev.appointments.model.Identifier;
import jakarta.validation.constraints.NotNull;

/**
 * Command: the provider accepts a requested appointment.
 *
 * @param requestId the producer's idempotency key
 * @param appointmentId the appointment
 */
public record ConfirmAppointment(@NotNull @Identifier String requestId,
        @NotNull @Identifier String appointmentId) implements AppointmentConfirmationsMessage {
}
