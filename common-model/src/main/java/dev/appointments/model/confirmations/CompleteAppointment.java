package dev.appointments.model.confirmations;

import dev.appointments.model.Identifier;
import jakarta.validation.constraints.NotNull;

/**
 * Command: a confirmed appointment took place.
 *
 * @param requestId the producer's idempotency key
 * @param appointmentId the appointment
 */
public record CompleteAppointment(@NotNull @Identifier String requestId,
        @NotNull @Identifier String appointmentId) implements AppointmentConfirmationsMessage {
}
