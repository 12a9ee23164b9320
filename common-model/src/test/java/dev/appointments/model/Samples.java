package dev.appointments.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import dev.appointments.model.confirmations.AppointmentCancelled;
import dev.appointments.model.confirmations.AppointmentRequested;
import dev.appointments.model.confirmations.AppointmentRescheduled;
import dev.appointments.model.confirmations.CompleteAppointment;
import dev.appointments.model.confirmations.ConfirmAppointment;
import dev.appointments.model.confirmations.DeclineAppointment;
import dev.appointments.model.confirmations.HoldExpired;
import dev.appointments.model.confirmations.MarkNoShow;
import dev.appointments.model.reminders.NoticeDetails;
import dev.appointments.model.reminders.NoticeKind;
import dev.appointments.model.reminders.NotifyPatient;
import dev.appointments.model.reminders.PlanReminders;
import dev.appointments.model.reminders.ReminderDue;
import dev.appointments.model.requests.CancelAppointment;
import dev.appointments.model.requests.PatientDetails;
import dev.appointments.model.requests.RequestAppointment;
import dev.appointments.model.requests.RescheduleAppointment;

/** A valid message of every type of the contract, as the tests' common starting point. */
final class Samples {

    /** The example of DESIGN.md, "The producer contract", verbatim but for whitespace. */
    static final String DESIGN_EXAMPLE = """
            {"type": "RequestAppointment", "requestId": "req-7f3a",
             "providerId": "dr-grey",
             "patient": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com",
                         "phone": "+15551234567", "dateOfBirth": "1990-12-10"},
             "appointmentDate": "2026-12-01", "startTime": "09:30", "durationMinutes": 30,
             "notes": "first visit"}
            """;

    static final Instant STARTS_AT = Instant.parse("2026-12-01T08:30:00Z");

    static final Instant ENDS_AT = Instant.parse("2026-12-01T09:00:00Z");

    private Samples() {
    }

    static PatientDetails patient() {
        return new PatientDetails("Ada", "Lovelace", "ada@example.com", "+15551234567", LocalDate.of(1990, 12, 10));
    }

    static RequestAppointment requestAppointment() {
        return new RequestAppointment("req-7f3a", "dr-grey", patient(), null, LocalDate.of(2026, 12, 1),
                LocalTime.of(9, 30), 30, "first visit");
    }

    static RequestAppointment requestAppointmentForKnownPatient() {
        return new RequestAppointment("req-7f3b", "dr-grey", null, "pat-42", LocalDate.of(2026, 12, 1),
                LocalTime.of(9, 30), null, null);
    }

    static AppointmentRequested appointmentRequested() {
        return new AppointmentRequested("req-7f3a", "apt-1", "dr-grey", "pat-42", STARTS_AT, ENDS_AT, false,
                Duration.ofHours(2), 1L);
    }

    /**
     * One valid message of every type, in the order of the sealed interfaces' permits
     * clauses.
     */
    static List<Object> everyType() {
        return List.of(requestAppointment(),
                new RescheduleAppointment("req-7f3c", "apt-1", LocalDate.of(2026, 12, 2), LocalTime.of(14, 0), 45),
                new CancelAppointment("req-7f3d", "apt-1", "feeling better"), new ConfirmAppointment("req-c1", "apt-1"),
                new DeclineAppointment("req-d1", "apt-1", "fully booked"), new CompleteAppointment("req-x1", "apt-1"),
                new MarkNoShow("req-n1", "apt-1"), appointmentRequested(),
                new AppointmentRescheduled("req-7f3c", "apt-1", "dr-grey", "pat-42", STARTS_AT,
                        STARTS_AT.plus(Duration.ofDays(1)), ENDS_AT.plus(Duration.ofDays(1)), true,
                        Duration.ofMinutes(90), 3L),
                new AppointmentCancelled("req-7f3d", "apt-1", "dr-grey", "pat-42", STARTS_AT, "feeling better"),
                new HoldExpired("apt-1", 1L, Instant.parse("2026-11-24T10:15:30.250Z")),
                new NotifyPatient("req-c1", "apt-1", NoticeKind.CONFIRMED,
                        new NoticeDetails("dr-grey", "pat-42", "CONFIRMED", STARTS_AT, "America/New_York", 2L,
                                "Dr Grey", new NoticeDetails.NoticeRecipient("Ada", "ada@example.com"))),
                new PlanReminders("apt-1", STARTS_AT),
                new ReminderDue("apt-1", STARTS_AT, Duration.ofHours(24), "rem:apt-1:20261201T0830Z:PT24H"));
    }

}
