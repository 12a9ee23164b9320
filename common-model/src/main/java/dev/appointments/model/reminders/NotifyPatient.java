package dev.appointments.model.reminders;

import dev.appointments.model.Identifier;
import jakarta.validation.constraints.NotNull;

/**
 * Command: tell the patient of an appointment what happened to it. One notice is sent per {@code causeId} and
 * {@code kind}, however often this message arrives.
 *
 * @param causeId what caused the notice: the requestId of the command behind the transition, or the timer's id
 *     for an expiry
 * @param appointmentId the appointment
 * @param kind what to tell
 */
public record NotifyPatient(@NotNull @Identifier String causeId, @NotNull @Identifier String appointmentId,
        @NotNull NoticeKind kind) implements AppointmentRemindersMessage {
}
