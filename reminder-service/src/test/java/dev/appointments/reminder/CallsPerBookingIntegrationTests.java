package dev.appointments.reminder;

import java.util.List;
import java.util.UUID;

import dev.appointments.reminder.DynamoDbCallLog.Call;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.patient.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a booking's messages cost the reminder-service in DynamoDB calls: the confirmation
 * notice and the plan of its reminders, with the notice carrying the appointment as the
 * transition left it, and a notice of an earlier producer without it.
 */
class CallsPerBookingIntegrationTests extends ReminderServiceIntegrationTest {

    @Autowired
    DynamoDbCallLog calls;

    @Test
    void aConfirmationNoticeWithItsDetailsAndTheReminderPlanCostThreeWrites() {
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(), patient, startInDays(9));
        String cause = "req-" + UUID.randomUUID();
        awaitDrained();
        calls.clear();

        send(notifyPatientWithDetails(cause, appointment, patient, "Test clinic"));
        send(planReminders(appointment));
        awaitMails(patient, 1);
        assertThat(awaitFinished(noticeId(appointment, cause)).status()).isEqualTo("SENT");
        awaitDrained();

        assertThat(calls.byConsumer()).extracting(Call::toString)
            .containsExactlyInAnyOrder("UpdateItem notifications", "UpdateItem notifications", "BatchWriteItem timers");
        assertThat(mailsTo(patient).getFirst().subject())
            .isEqualTo("Confirmed: your appointment with Test clinic on " + shortLocal(appointment));
    }

    @Test
    void aNoticeWithoutDisplayDataReadsOnlyThePatientAndTheProvider() {
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(), patient, startInDays(9));
        String cause = "req-" + UUID.randomUUID();
        awaitDrained();
        calls.clear();

        send(notifyPatientWithDetails(cause, appointment, null, null));
        awaitMails(patient, 1);
        awaitFinished(noticeId(appointment, cause));
        awaitDrained();

        assertThat(calls.byConsumer()).extracting(Call::toString)
            .containsExactlyInAnyOrder("GetItem patients", "GetItem providers", "UpdateItem notifications",
                    "UpdateItem notifications");
    }

    @Test
    void aNoticeOfAnEarlierProducerWithoutDetailsIsSentFromTheTables() {
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(), patient, startInDays(9));
        String cause = "req-" + UUID.randomUUID();
        awaitDrained();
        calls.clear();

        send(notifyPatient(cause, appointment, "CONFIRMED"));
        awaitMails(patient, 1);
        awaitFinished(noticeId(appointment, cause));
        awaitDrained();

        List<String> made = calls.byConsumer().stream().map(Call::toString).toList();
        assertThat(made).containsExactlyInAnyOrder("GetItem appointments", "GetItem patients", "GetItem providers",
                "UpdateItem notifications", "UpdateItem notifications");
        assertThat(mailsTo(patient).getFirst().subject())
            .isEqualTo("Confirmed: your appointment with Test clinic on " + shortLocal(appointment));
    }

    private static String noticeId(Appointment appointment, String cause) {
        return "notice:" + appointment.appointmentId() + ":CONFIRMED:" + cause;
    }

    private static String shortLocal(Appointment appointment) {
        return java.time.format.DateTimeFormatter.ofPattern("EEE d MMM, HH:mm zzz", java.util.Locale.ENGLISH)
            .format(appointment.startsAt().atZone(java.time.ZoneId.of(NEW_YORK)));
    }

    /**
     * A CONFIRMED notice as the producer writes it now; {@code patient} and
     * {@code providerName} may be left out.
     */
    private static String notifyPatientWithDetails(String cause, Appointment appointment, Patient patient,
            String providerName) {
        String display = (providerName == null ? "" : ", \"providerName\": \"" + providerName + "\"")
                + (patient == null ? "" : ", \"recipient\": {\"firstName\": \"" + patient.firstName()
                        + "\", \"email\": \"" + patient.email() + "\"}");
        return """
                {"type": "NotifyPatient", "causeId": "%s", "appointmentId": "%s", "kind": "CONFIRMED",
                 "details": {"providerId": "%s", "patientId": "%s", "status": "CONFIRMED", "startsAt": "%s",
                             "timeZone": "%s", "version": %d%s}}
                """.formatted(cause, appointment.appointmentId(), appointment.providerId(), appointment.patientId(),
                appointment.startsAt(), NEW_YORK, appointment.version(), display);
    }

}
