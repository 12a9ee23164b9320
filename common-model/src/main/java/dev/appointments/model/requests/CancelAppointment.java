package dev.appointments.model.requests;

import dev.appointments.model.FieldLimits;
import dev.appointments.model.Identifier;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Command: cancel a requested or confirmed appointment, freeing its slot.
 *
 * @param requestId the producer's idempotency key
 * @param appointmentId the appointment to cancel
 * @param reason optional free text, at most 500 characters
 */
public record CancelAppointment(@NotNull @Identifier String requestId, @NotNull @Identifier String appointmentId,
        @Size(max = FieldLimits.REASON_MAX) String reason) implements AppointmentRequestsMessage {
}
