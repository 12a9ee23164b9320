package dev.appointments.query.patient;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.appointments.query.web.ETags;
import dev.appointments.store.patient.Patient;

/**
 * A patient. Every field but the id is personal data: it is shown to the caller and never
 * logged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PatientView(String patientId, String firstName, String lastName, String email, String phone,
        LocalDate dateOfBirth, Instant createdAt) {

    static PatientView of(Patient patient) {
        return new PatientView(patient.patientId(), patient.firstName(), patient.lastName(), patient.email(),
                patient.phone(), patient.dateOfBirth(), patient.createdAt());
    }

    /** Patients carry no version, so the tag is a digest of what is shown. */
    String etag() {
        return ETags.ofContent(patientId, firstName, lastName, email, phone, dateOfBirth, createdAt);
    }

    @Override
    public String toString() {
        return "PatientView[patientId=" + patientId + "]";
    }
}
