package dev.appointments.model.reminders;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.appointments.model.FieldLimits;
import dev.appointments.model.Identifier;
import dev.appointments.model.Iso8601;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The appointment a notice is about, as the producer wrote it in the transition that
 * caused the notice: with it the reminder-service sends the notice without reading the
 * appointment. The display data are optional: without {@code providerName} the
 * reminder-service reads the provider, without {@code recipient} the patient.
 *
 * @param providerId the provider
 * @param patientId the patient
 * @param status the appointment's status after the transition ({@code CONFIRMED}, ...)
 * @param startsAt the start, UTC
 * @param timeZone the provider's IANA time zone, in which the letter states the start
 * @param version the appointment's version after the transition
 * @param providerName the provider's display name; optional
 * @param recipient the patient's first name and e-mail address; optional, personal data
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeDetails(@NotNull @Identifier String providerId, @NotNull @Identifier String patientId,
        @NotBlank @Size(max = 32) String status, @NotNull @Iso8601 Instant startsAt,
        @NotBlank @Size(max = 64) String timeZone, @NotNull @Positive Long version,
        @Size(max = 200) String providerName, @Valid NoticeRecipient recipient) {

    /**
     * The details without display data: the reminder-service reads the provider and the
     * patient.
     */
    public NoticeDetails(String providerId, String patientId, String status, Instant startsAt, String timeZone,
            Long version) {
        this(providerId, patientId, status, startsAt, timeZone, version, null, null);
    }

    /**
     * The patient as a notice addresses them; personal data, never logged.
     *
     * @param firstName the greeting's name
     * @param email where the notice goes
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NoticeRecipient(@NotBlank @Size(max = FieldLimits.NAME_MAX) String firstName,
            @NotNull @Size(max = FieldLimits.EMAIL_MAX) String email) {

        @Override
        public String toString() {
            return "NoticeRecipient[<redacted>]";
        }
    }
}
