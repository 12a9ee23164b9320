package dev.appointments.model.confirmations;

import dev.appointments.model.FieldLimits;
import dev.appointments.model.Identifier;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Command: the provider refuses a requested appointment, freeing its slot.
 *
 * @param requestId the producer's idempotency key
 * @param appointmentId the appointment
 * @param reason optional free text, at most 500 characters
 */
public record DeclineAppointment(@NotNull @Identifier String requestId, @NotNull @Identifier String appointmentId,
        @Size(max = FieldLimits.REASON_MAX) String reason) implements AppointmentConfirmationsMessage {
}
