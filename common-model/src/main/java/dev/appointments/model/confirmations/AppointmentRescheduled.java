package dev.appointments.model.confirmations;

import java.time.Duration;
import java.time.Instant;

import dev.appointments.model.Identifier;
import dev.appointments.model.Iso8601;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Fact: the request-service moved an appointment to a new slot and put it back to
 * REQUESTED; hold timers and reminders planned for {@code previousStartsAt} no longer
 * apply.
 *
 * @param requestId the idempotency key of the RescheduleAppointment that caused it
 * @param appointmentId the appointment, same id as before
 * @param providerId its provider
 * @param patientId its patient
 * @param previousStartsAt the start it had before, UTC
 * @param startsAt the new start, UTC
 * @param endsAt the new end, UTC
 * @param autoConfirm whether the provider confirms without looking
 * @param confirmationTimeout how long the provider has to confirm before the hold expires
 * (ISO-8601)
 * @param version the appointment's version after the move
 */
public record AppointmentRescheduled(@NotNull @Identifier String requestId, @NotNull @Identifier String appointmentId,
        @NotNull @Identifier String providerId, @NotNull @Identifier String patientId,
        @NotNull @Iso8601 Instant previousStartsAt, @NotNull @Iso8601 Instant startsAt,
        @NotNull @Iso8601 Instant endsAt, @NotNull Boolean autoConfirm, @NotNull @Iso8601 Duration confirmationTimeout,
        @NotNull @Positive Long version) implements AppointmentConfirmationsMessage {
}
