package dev.appointments.model.reminders;

import java.time.Instant;

import dev.appointments.model.Identifier;
import dev.appointments.model.Iso8601;
import jakarta.validation.constraints.NotNull;

/**
 * Command: plan the reminders of a confirmed appointment starting at {@code startsAt};
 * the reminder-service owns the offsets, and reminders planned for another start of the
 * same appointment lapse.
 *
 * @param appointmentId the confirmed appointment
 * @param startsAt its start, UTC
 */
public record PlanReminders(@NotNull @Identifier String appointmentId,
        @NotNull @Iso8601 Instant startsAt) implements AppointmentRemindersMessage {
}
