package dev.appointments.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.appointments.engines.LocalMailServer.ReceivedMail;
import dev.appointments.reminder.notification.StoredNotifications.StoredNotification;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.patient.Patient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReminderIntegrationTests extends ReminderServiceIntegrationTest {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm zzz",
            Locale.ENGLISH);

    @Test
    void aConfirmedAppointmentGetsItsRemindersAtTheOffsets() {
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(), patient, startInDays(3));
        Instant start = appointment.startsAt();

        send(planReminders(appointment));
        awaitDrained();
        clock.advanceTo(start.minus(Duration.ofHours(24)).minusSeconds(1));
        assertThat(mailsTo(patient)).isEmpty();

        clock.advanceTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        ReceivedMail first = awaitMails(patient, 1).getFirst();
        assertThat(first.subject()).startsWith("Reminder: your appointment with Test clinic");
        assertThat(first.text()).contains("in 24 hours", localTime(start));

        clock.advanceTo(start.minus(Duration.ofHours(2)).plusSeconds(1));
        List<ReceivedMail> both = awaitMails(patient, 2);
        assertThat(both.get(1).text()).contains("in 2 hours", localTime(start));
        assertThat(awaitFinished(reminderId(appointment, "PT24H")).status()).isEqualTo("SENT");
        assertThat(awaitFinished(reminderId(appointment, "PT2H")).status()).isEqualTo("SENT");
    }

    @Test
    void aReminderWhoseTimeHasPassedIsNotPlanned() {
        Patient patient = newPatient();
        Instant start = clock.instant().plus(Duration.ofHours(3));
        Appointment appointment = confirmedAppointment(newProvider(), patient, start);

        send(planReminders(appointment));
        awaitDrained();
        clock.advanceTo(start.minus(Duration.ofHours(2)).plusSeconds(1));

        assertThat(awaitMails(patient, 1).getFirst().text()).contains("in 2 hours");
        assertThat(notifications.find(reminderId(appointment, "PT24H"))).isEmpty();
    }

    @Test
    void anAppointmentCancelledBeforeItsRemindersAreDueGetsNone() {
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(), patient, startInDays(3));
        send(planReminders(appointment));
        awaitDrained();

        transition(appointment, AppointmentStatus.CANCELLED);
        clock.advanceTo(appointment.startsAt().minus(Duration.ofHours(2)).plusSeconds(1));

        for (String offset : List.of("PT24H", "PT2H")) {
            StoredNotification record = awaitFinished(reminderId(appointment, offset));
            assertThat(record.status()).isEqualTo("SKIPPED");
            assertThat(record.reason()).isEqualTo("NOT_CONFIRMED:CANCELLED");
        }
        awaitDrained();
        assertThat(mailsTo(patient)).isEmpty();
    }

    @Test
    void aMovedAppointmentIsRemindedAtItsNewTimeOnly() {
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(), patient, startInDays(3));
        send(planReminders(appointment));
        awaitDrained();

        Instant newStart = appointment.startsAt().plus(Duration.ofDays(1));
        Appointment moved = movedAndConfirmed(appointment, newStart);
        send(planReminders(moved));
        awaitDrained();
        clock.advanceTo(appointment.startsAt().minus(Duration.ofHours(2)).plusSeconds(1));

        assertThat(awaitFinished(reminderId(appointment, "PT24H")).reason()).isEqualTo("START_MOVED");
        assertThat(awaitFinished(reminderId(appointment, "PT2H")).reason()).isEqualTo("START_MOVED");
        clock.advanceTo(newStart.minus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(awaitFinished(reminderId(moved, "PT24H")).status()).isEqualTo("SENT");
        awaitDrained();
        assertThat(mailsTo(patient)).singleElement()
            .satisfies(mail -> assertThat(mail.text()).contains("in 24 hours", localTime(newStart)));
    }

    @Test
    void aCancellationNoticeWithdrawsThePendingReminders() {
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(), patient, startInDays(3));
        send(planReminders(appointment));
        awaitDrained();

        transition(appointment, AppointmentStatus.CANCELLED);
        send(notifyPatient("cancel-" + UUID.randomUUID(), appointment, "CANCELLED"));
        awaitMails(patient, 1);
        awaitDrained();
        clock.advanceTo(appointment.startsAt().minus(Duration.ofHours(2)).plusSeconds(1));

        // Withdrawn timers never fire, so not even a skipped reminder is recorded.
        await().during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> notifications.find(reminderId(appointment, "PT24H")).isEmpty()
                    && notifications.find(reminderId(appointment, "PT2H")).isEmpty());
        assertThat(mailsTo(patient)).singleElement()
            .satisfies(mail -> assertThat(mail.subject()).startsWith("Cancelled"));
    }

    static String reminderId(Appointment appointment, String offset) {
        return "reminder:" + appointment.appointmentId() + ":" + appointment.startsAt() + ":" + offset;
    }

    private static String localTime(Instant start) {
        return WHEN.format(start.atZone(ZoneId.of(NEW_YORK)));
    }

}
