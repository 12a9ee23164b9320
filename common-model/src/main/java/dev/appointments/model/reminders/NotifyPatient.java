package dev.appointments.model.reminders;

import dev.appointments.model.Identifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Command: tell the patient of an appointment what happened to it. One notice is sent per
 * {@code causeId} and {@code kind}, however often this message arrives.
 *
 * @param causeId what caused the notice: the requestId of the command behind the
 * transition, or the timer's id for an expiry
 * @param appointmentId the appointment
 * @param kind what to tell
 * @param details the appointment as the transition left it, so that the notice needs no
 * reads; optional (a notice without it, from a producer of an earlier version, is sent
 * from what the tables hold)
 */
public record NotifyPatient(@NotNull @Identifier String causeId, @NotNull @Identifier String appointmentId,
        @NotNull NoticeKind kind, @Valid NoticeDetails details) implements AppointmentRemindersMessage {

    /**
     * A notice without details: the reminder-service reads the appointment, the patient
     * and the provider.
     */
    public NotifyPatient(String causeId, String appointmentId, NoticeKind kind) {
        this(causeId, appointmentId, kind, null);
    }
}
