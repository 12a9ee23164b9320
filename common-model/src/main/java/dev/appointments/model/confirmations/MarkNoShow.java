package dev.appointments.model.confirmations;

import dev.appointments.model.Identifier;
import jakarta.validation.constraints.NotNull;

/**
 * Command: the patient did not come to a confirmed appointment.
 *
 * @param requestId the producer's idempotency key
 * @param appointmentId the appointment
 */
public record MarkNoShow(@NotNull @Identifier String requestId,
        @NotNull @Identifier String appointmentId) implements AppointmentConfirmationsMessage {
}
