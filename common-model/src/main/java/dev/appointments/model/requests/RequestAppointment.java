package dev.appointments.model.requests;

import java.time.LocalDate;
import java.time.LocalTime;

import dev.appointments.model.FieldLimits;
import dev.appointments.model.HourMinute;
import dev.appointments.model.Identifier;
import dev.appointments.model.Iso8601;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Command: book an appointment with a provider at the provider's local date and
 * wall-clock time, for a new patient ({@code patient}) or a known one
 * ({@code patientId}), exactly one of the two.
 *
 * @param requestId the producer's idempotency key
 * @param providerId the provider to book
 * @param patient a patient given by details, or {@code null} when {@code patientId} is
 * given
 * @param patientId a known patient, or {@code null} when {@code patient} is given
 * @param appointmentDate the provider's local date
 * @param startTime the provider's local wall-clock time, {@code HH:mm}
 * @param durationMinutes 5 to 480; {@code null} means the provider's slot length
 * @param notes optional free text for the provider, at most 1000 characters
 */
@OnePatient
public record RequestAppointment(@NotNull @Identifier String requestId, @NotNull @Identifier String providerId,
        @Valid PatientDetails patient, @Identifier String patientId, @NotNull @Iso8601 LocalDate appointmentDate,
        @NotNull @HourMinute LocalTime startTime,
        @Min(FieldLimits.DURATION_MIN_MINUTES) @Max(FieldLimits.DURATION_MAX_MINUTES) Integer durationMinutes,
        @Size(max = FieldLimits.NOTES_MAX) String notes) implements AppointmentRequestsMessage {

    @Override
    public String toString() {
        // Notes are free text written by or about the patient: keep them out of
        // accidental log lines.
        return "RequestAppointment[requestId=" + requestId + ", providerId=" + providerId + ", patient=" + patient
                + ", patientId=" + patientId + ", appointmentDate=" + appointmentDate + ", startTime=" + startTime
                + ", durationMinutes=" + durationMinutes + "]";
    }

}
