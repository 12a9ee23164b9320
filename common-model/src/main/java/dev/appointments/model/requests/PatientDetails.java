package dev.appointments.model.requests;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.appointments.model.FieldLimits;
import dev.appointments.model.Iso8601;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A patient not yet known by id, given with a booking request; every field is personal
 * data and never logged.
 *
 * @param firstName given name, 1 to 100 characters
 * @param lastName family name, 1 to 100 characters
 * @param email where notices go; an e-mail shape of at most 254 characters
 * @param phone optional, E.164 ({@code +15551234567})
 * @param dateOfBirth a date in the past
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatientDetails(@NotBlank @Size(max = FieldLimits.NAME_MAX) String firstName,
        @NotBlank @Size(max = FieldLimits.NAME_MAX) String lastName,
        @NotNull @Size(max = FieldLimits.EMAIL_MAX) @Pattern(regexp = FieldLimits.EMAIL_PATTERN,
                message = "must be an e-mail address") String email,
        @Pattern(regexp = FieldLimits.PHONE_PATTERN,
                message = "must be an E.164 phone number such as +15551234567") String phone,
        @NotNull @Past @Iso8601 LocalDate dateOfBirth) {

    @Override
    public String toString() {
        // Records print every component; this one is personal data and must not reach a
        // log line by accident.
        return "PatientDetails[<redacted>]";
    }

}
