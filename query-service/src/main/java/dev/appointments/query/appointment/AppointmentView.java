package dev.appointments.query.appointment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.security.Caller;
import dev.appointments.security.Roles;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.HistoryEntry;

/**
 * An appointment in the producer's own words: {@code appointmentDate}, {@code startTime}
 * and {@code endTime} are the provider's wall clock in {@code timeZone}, as in the
 * commands; {@code startsAt}/{@code endsAt} are UTC instants.
 * <p>
 * The notes are the patient's words for the provider: shown to the patient, the provider
 * and the scheduler who books, not to ops, and never logged (this record prints no
 * notes).
 *
 * @param notes the booking's notes; absent when there are none or the caller is not to
 * read them
 * @param reason why it was cancelled or declined, when it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AppointmentView(String appointmentId, String providerId, String patientId, LocalDate appointmentDate,
        String startTime, String endTime, String timeZone, Instant startsAt, Instant endsAt, long durationMinutes,
        String notes, AppointmentStatus status, String reason, Instant createdAt, Instant updatedAt, long version,
        List<Step> history) {

    static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    /** The appointment as this caller may read it. */
    static AppointmentView of(Appointment appointment, Caller caller) {
        boolean notes = caller.hasAnyRole(Roles.PATIENT, Roles.PROVIDER, Roles.SCHEDULER);
        ZoneId zone = ZoneId.of(appointment.timeZone());
        return new AppointmentView(appointment.appointmentId(), appointment.providerId(), appointment.patientId(),
                appointment.localDate(), HOURS_MINUTES.format(appointment.localStartTime()),
                HOURS_MINUTES.format(appointment.endsAt().atZone(zone)), appointment.timeZone(), appointment.startsAt(),
                appointment.endsAt(), Duration.between(appointment.startsAt(), appointment.endsAt()).toMinutes(),
                notes ? appointment.notes() : null, appointment.status(), appointment.reason(), appointment.createdAt(),
                appointment.updatedAt(), appointment.version(), appointment.history().stream().map(Step::of).toList());
    }

    @Override
    public String toString() {
        return "AppointmentView[appointmentId=" + appointmentId + ", status=" + status + ", version=" + version + "]";
    }

    /**
     * One step of the history.
     *
     * @param cause the requestId of the command that caused it, or the name of the timer
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Step(Instant at, AppointmentStatus from, AppointmentStatus to, String cause, String note) {

        static Step of(HistoryEntry entry) {
            return new Step(entry.at(), entry.from(), entry.to(), entry.cause(), entry.note());
        }
    }
}
