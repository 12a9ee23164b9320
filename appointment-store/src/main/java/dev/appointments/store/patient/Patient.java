package dev.appointments.store.patient;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A patient. Every field but the id is personal data: never log it.
 */
public record Patient(String patientId, String firstName, String lastName, String email, String phone,
        LocalDate dateOfBirth, Instant createdAt) {

    @Override
    public String toString() {
        return "Patient[patientId=" + patientId + "]";
    }

    /** The form of an e-mail address that makes it unique: trimmed and lower case. */
    public static String normalisedEmail(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
