package dev.appointments.model;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.stream.Stream;

import dev.appointments.model.confirmations.AppointmentCancelled;
import dev.appointments.model.confirmations.AppointmentRequested;
import dev.appointments.model.confirmations.AppointmentRescheduled;
import dev.appointments.model.confirmations.ConfirmAppointment;
import dev.appointments.model.confirmations.DeclineAppointment;
import dev.appointments.model.confirmations.HoldExpired;
import dev.appointments.model.reminders.NotifyPatient;
import dev.appointments.model.reminders.PlanReminders;
import dev.appointments.model.reminders.ReminderDue;
import dev.appointments.model.requests.CancelAppointment;
import dev.appointments.model.requests.PatientDetails;
import dev.appointments.model.requests.RequestAppointment;
import dev.appointments.model.requests.RescheduleAppointment;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.assertj.core.api.AutoCloseableSoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.appointments.model.Samples.ENDS_AT;
import static dev.appointments.model.Samples.STARTS_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class FieldRulesTests {

    private static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    private static final LocalDate DATE = LocalDate.of(2026, 12, 1);

    private static final LocalTime TIME = LocalTime.of(9, 30);

    /**
     * Messages that break exactly one rule, the field that names it, and whether the JSON
     * Schema can tell too (it cannot know what "in the past" means).
     */
    static Stream<Arguments> brokenMessages() {
        return Stream
            .of(broken("requestId missing", request(null, "pat-42"), "requestId", true),
                    broken("requestId empty", request("", "pat-42"), "requestId", true),
                    broken("requestId with a space", request("req 1", "pat-42"), "requestId", true),
                    broken("requestId with a slash", request("req/1", "pat-42"), "requestId", true),
                    broken("requestId of 129 characters", request("r".repeat(129), "pat-42"), "requestId", true),
                    broken("providerId with a non-ASCII letter",
                            new RequestAppointment("req-1", "dr-grëy", null, "pat-42", DATE, TIME, null, null),
                            "providerId", true),
                    broken("patientId with a space", request("req-1", "pat 42"), "patientId", true),
                    broken("both patient and patientId",
                            new RequestAppointment("req-1", "dr-grey", Samples.patient(), "pat-42", DATE, TIME, null,
                                    null),
                            "patient", true),
                    broken("neither patient nor patientId",
                            new RequestAppointment("req-1", "dr-grey", null, null, DATE, TIME, null, null), "patient",
                            true),
                    broken("appointmentDate missing",
                            new RequestAppointment("req-1", "dr-grey", null, "pat-42", null, TIME, null, null),
                            "appointmentDate", true),
                    broken("startTime missing",
                            new RequestAppointment("req-1", "dr-grey", null, "pat-42", DATE, null, null, null),
                            "startTime", true),
                    broken("durationMinutes 4", withDuration(4), "durationMinutes", true),
                    broken("durationMinutes 481", withDuration(481), "durationMinutes", true),
                    broken("notes of 1001 characters",
                            new RequestAppointment("req-1", "dr-grey", null, "pat-42", DATE, TIME, null,
                                    "n".repeat(1001)),
                            "notes", true),
                    broken("firstName blank",
                            withPatient(new PatientDetails(" ", "Lovelace", "ada@example.com", null,
                                    LocalDate.of(1990, 12, 10))),
                            "patient.firstName", true),
                    broken("lastName of 101 characters",
                            withPatient(new PatientDetails("Ada", "L".repeat(101), "ada@example.com", null,
                                    LocalDate.of(1990, 12, 10))),
                            "patient.lastName", true),
                    broken("email without at-sign",
                            withPatient(new PatientDetails("Ada", "Lovelace", "ada.example.com", null,
                                    LocalDate.of(1990, 12, 10))),
                            "patient.email", true),
                    broken("email without a dot in the domain",
                            withPatient(new PatientDetails("Ada", "Lovelace", "ada@example", null,
                                    LocalDate.of(1990, 12, 10))),
                            "patient.email", true),
                    broken("email missing",
                            withPatient(new PatientDetails("Ada", "Lovelace", null, null, LocalDate.of(1990, 12, 10))),
                            "patient.email", true),
                    broken("phone without country code",
                            withPatient(new PatientDetails("Ada", "Lovelace", "ada@example.com", "5551234567",
                                    LocalDate.of(1990, 12, 10))),
                            "patient.phone", true),
                    broken("phone with spaces",
                            withPatient(new PatientDetails("Ada", "Lovelace", "ada@example.com", "+1 555 123 4567",
                                    LocalDate.of(1990, 12, 10))),
                            "patient.phone", true),
                    broken("phone of 16 digits",
                            withPatient(new PatientDetails("Ada", "Lovelace", "ada@example.com", "+1234567890123456",
                                    LocalDate.of(1990, 12, 10))),
                            "patient.phone", true),
                    broken("dateOfBirth in the future",
                            withPatient(new PatientDetails("Ada", "Lovelace", "ada@example.com", null,
                                    LocalDate.now().plusDays(1))),
                            "patient.dateOfBirth", false),
                    broken("dateOfBirth missing",
                            withPatient(new PatientDetails("Ada", "Lovelace", "ada@example.com", null, null)),
                            "patient.dateOfBirth", true),
                    broken("reschedule without appointmentId",
                            new RescheduleAppointment("req-1", null, DATE, TIME, null), "appointmentId", true),
                    broken("reschedule for 481 minutes", new RescheduleAppointment("req-1", "apt-1", DATE, TIME, 481),
                            "durationMinutes", true),
                    broken("cancel reason of 501 characters", new CancelAppointment("req-1", "apt-1", "r".repeat(501)),
                            "reason", true),
                    broken("confirm with appointmentId of 129 characters",
                            new ConfirmAppointment("req-1", "a".repeat(129)), "appointmentId", true),
                    broken("decline reason of 501 characters",
                            new DeclineAppointment("req-1", "apt-1", "r".repeat(501)), "reason", true),
                    broken("requested without autoConfirm",
                            new AppointmentRequested("req-1", "apt-1", "dr-grey", "pat-42", STARTS_AT, ENDS_AT, null,
                                    Duration.ofHours(2), 1L),
                            "autoConfirm", true),
                    broken("requested at version 0",
                            new AppointmentRequested("req-1", "apt-1", "dr-grey", "pat-42", STARTS_AT, ENDS_AT, false,
                                    Duration.ofHours(2), 0L),
                            "version", true),
                    broken("rescheduled without previousStartsAt",
                            new AppointmentRescheduled("req-1", "apt-1", "dr-grey", "pat-42", null, STARTS_AT, ENDS_AT,
                                    true, Duration.ofHours(2), 2L),
                            "previousStartsAt", true),
                    broken("cancelled without patientId",
                            new AppointmentCancelled("req-1", "apt-1", "dr-grey", null, STARTS_AT, null), "patientId",
                            true),
                    broken("hold expired without dueAt", new HoldExpired("apt-1", 1L, null), "dueAt", true),
                    broken("notice without kind", new NotifyPatient("req-1", "apt-1", null), "kind", true),
                    broken("reminders planned without start", new PlanReminders("apt-1", null), "startsAt", true),
                    broken("reminder due with a bad notificationId",
                            new ReminderDue("apt-1", STARTS_AT, Duration.ofHours(24), "rem#1"), "notificationId",
                            true));
    }

    @Test
    void acceptsEveryValidSample() {
        try (var softly = new AutoCloseableSoftAssertions()) {
            for (Object message : Samples.everyType()) {
                softly.assertThat(FieldViolations.of(validator, message))
                    .as(message.getClass().getSimpleName())
                    .isEmpty();
            }
        }
    }

    @Test
    void acceptsTheLimitsThemselves() {
        String longestId = "A-z.0_9:".repeat(16);
        RequestAppointment shortest = new RequestAppointment(longestId, "d", null, "p", DATE, LocalTime.MIDNIGHT, 5,
                "");
        RequestAppointment longest = new RequestAppointment("r", longestId, new PatientDetails("A".repeat(100),
                "L".repeat(100), "a@b.c", "+123456789012345", LocalDate.now().minusDays(1)), null, DATE,
                LocalTime.of(23, 59), 480, "n".repeat(1000));

        assertThat(FieldViolations.of(validator, shortest)).isEmpty();
        assertThat(FieldViolations.of(validator, longest)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("brokenMessages")
    void namesTheOneFieldThatBreaksARule(Object message, String field, boolean schemaCanTell) {
        assertThat(FieldViolations.of(validator, message)).extracting(FieldViolation::field).containsExactly(field);
    }

    @Test
    void explainsAViolationWithoutRepeatingTheValue() {
        assertThat(FieldViolations.of(validator, request("req 1", "pat-42")))
            .containsExactly(new FieldViolation("requestId", "must be 1 to 128 characters of A-Z a-z 0-9 . _ : -"));
        assertThat(FieldViolations.of(validator,
                withPatient(
                        new PatientDetails("Ada", "Lovelace", "ada.example.com", null, LocalDate.of(1990, 12, 10)))))
            .containsExactly(new FieldViolation("patient.email", "must be an e-mail address"));
    }

    @Test
    void listsSeveralViolationsInFieldOrder() {
        RequestAppointment request = new RequestAppointment("req 1", "dr grey", null, null, null, TIME, 1, null);

        assertThat(FieldViolations.of(validator, request)).extracting(FieldViolation::field)
            .containsExactly("appointmentDate", "durationMinutes", "patient", "providerId", "requestId");
    }

    private static Arguments broken(String name, Object message, String field, boolean schemaCanTell) {
        return argumentSet(name, message, field, schemaCanTell);
    }

    private static RequestAppointment request(String requestId, String patientId) {
        return new RequestAppointment(requestId, "dr-grey", null, patientId, DATE, TIME, null, null);
    }

    private static RequestAppointment withDuration(int minutes) {
        return new RequestAppointment("req-1", "dr-grey", null, "pat-42", DATE, TIME, minutes, null);
    }

    private static RequestAppointment withPatient(PatientDetails patient) {
        return new RequestAppointment("req-1", "dr-grey", patient, null, DATE, TIME, null, null);
    }

}
