package dev.appointments.model.confirmations;

import java.time.Duration;
import java.time.Instant;

import dev.appointments.model.Identifier;
import dev.appointments.model.Iso8601;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Fact: the request-service booked an appointment in status REQUESTED; the
 * confirmation-service confirms it at once ({@code autoConfirm}) or holds it for the
 * provider until {@code confirmationTimeout} has passed.
 *
 * @param requestId the idempotency key of the RequestAppointment that caused it
 * @param appointmentId the new appointment
 * @param providerId its provider
 * @param patientId its patient, created or found by the request-service
 * @param startsAt start, UTC
 * @param endsAt end, UTC
 * @param autoConfirm whether the provider confirms without looking
 * @param confirmationTimeout how long the provider has to confirm before the hold expires
 * (ISO-8601, {@code PT2H})
 * @param version the appointment's version after booking, which a later transition must
 * still find
 */
public record AppointmentRequested(@NotNull @Identifier String requestId, @NotNull @Identifier String appointmentId,
        @NotNull @Identifier String providerId, @NotNull @Identifier String patientId,
        @NotNull @Iso8601 Instant startsAt, @NotNull @Iso8601 Instant endsAt, @NotNull Boolean autoConfirm,
        @NotNull @Iso8601 Duration confirmationTimeout,
        @NotNull @Positive Long version) implements AppointmentConfirmationsMessage {
}
