package dev.appointments.query.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.AppointmentStatus;
import dev.appointments.store.appointment.HistoryEntry;

/**
 * An appointment as the API shows it. {@code startsAt}/{@code endsAt} are UTC instants; {@code localDate} and
 * {@code localStartTime} are the provider's wall clock in {@code timeZone}. The notes are left out: they are the
 * patient's words, for the provider's systems rather than for every reader.
 */
record AppointmentView(String id, String providerId, String patientId, AppointmentStatus status, Instant startsAt,
        Instant endsAt, String timeZone, LocalDate localDate, String localStartTime,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason, long version, List<Step> history) {

    static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    static AppointmentView of(Appointment appointment) {
        return new AppointmentView(appointment.appointmentId(), appointment.providerId(), appointment.patientId(),
                appointment.status(), appointment.startsAt(), appointment.endsAt(), appointment.timeZone(),
                appointment.localDate(), HOURS_MINUTES.format(appointment.localStartTime()), appointment.reason(),
                appointment.version(), appointment.history().stream().map(Step::of).toList());
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
