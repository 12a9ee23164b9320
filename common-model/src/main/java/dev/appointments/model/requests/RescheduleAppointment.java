package dev.appointments.model.requests;

import java.time.LocalDate;
import java.time.LocalTime;

import dev.appointments.model.FieldLimits;
import dev.appointments.model.HourMinute;
import dev.appointments.model.Identifier;
import dev.appointments.model.Iso8601;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Command: move an appointment to another local date and time with the same provider,
 * keeping its id.
 *
 * @param requestId the producer's idempotency key
 * @param appointmentId the appointment to move
 * @param appointmentDate the provider's local date
 * @param startTime the provider's local wall-clock time, {@code HH:mm}
 * @param durationMinutes 5 to 480; {@code null} keeps the appointment's current duration
 */
public record RescheduleAppointment(@NotNull @Identifier String requestId, @NotNull @Identifier String appointmentId,
        @NotNull @Iso8601 LocalDate appointmentDate, @NotNull @HourMinute LocalTime startTime,
        @Min(FieldLimits.DURATION_MIN_MINUTES) @Max(FieldLimits.DURATION_MAX_MINUTES) Integer durationMinutes)
        implements
            AppointmentRequestsMessage {
}
