package dev.appointments.model.reminders;

import java.time.Duration;
import java.time.Instant;

import dev.appointments.model.Identifier;
import dev.appointments.model.Iso8601;
import jakarta.validation.constraints.NotNull;

/**
 * Timer fact: a planned reminder is due. It is sent only if the appointment is still
 * confirmed and still starts at {@code startsAt}, and at most once per
 * {@code notificationId}.
 *
 * @param appointmentId the appointment
 * @param startsAt the start the reminder was planned for, UTC
 * @param offset how long before the start it is due (ISO-8601, {@code PT24H})
 * @param notificationId the reminder's idempotency key
 */
public record ReminderDue(@NotNull @Identifier String appointmentId, @NotNull @Iso8601 Instant startsAt,
        @NotNull @Iso8601 Duration offset,
        @NotNull @Identifier String notificationId) implements AppointmentRemindersMessage {
}
