package dev.appointments.model.confirmations;

import java.time.Instant;

import dev.appointments.model.Identifier;
import dev.appointments.model.Iso8601;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Timer fact: the confirmation timeout of a hold has passed. It expires the appointment
 * only if it is still REQUESTED at {@code version}; a confirmation, decline, cancellation
 * or move in between changed the version, and the timer is then stale and has no effect.
 *
 * @param appointmentId the held appointment
 * @param version the appointment's version when the hold began
 * @param dueAt when the hold was due to expire, UTC
 */
public record HoldExpired(@NotNull @Identifier String appointmentId, @NotNull @Positive Long version,
        @NotNull @Iso8601 Instant dueAt) implements AppointmentConfirmationsMessage {
}
