package dev.appointments.model.confirmations;

import java.time.Instant;

import dev.appointments.model.FieldLimits;
import dev.appointments.model.Identifier;
import dev.appointments.model.Iso8601;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Fact: the request-service cancelled an appointment and freed its slot; the patient is
 * to be told, and pending holds and reminders no longer apply.
 *
 * @param requestId the idempotency key of the CancelAppointment that caused it
 * @param appointmentId the appointment
 * @param providerId its provider
 * @param patientId its patient
 * @param startsAt the start it had, UTC
 * @param reason the producer's reason, if given
 */
public record AppointmentCancelled(@NotNull @Identifier String requestId, @NotNull @Identifier String appointmentId,
        @NotNull @Identifier String providerId, @NotNull @Identifier String patientId,
        @NotNull @Iso8601 Instant startsAt,
        @Size(max = FieldLimits.REASON_MAX) String reason) implements AppointmentConfirmationsMessage {
}
