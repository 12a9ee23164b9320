package dev.appointments.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.appointments.engines.LocalMailServer.ReceivedMail;
import dev.appointments.reminder.delivery.DeliveryStatus;
import dev.appointments.reminder.notification.StoredNotifications.StoredNotification;
import dev.appointments.resources.Tables;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.patient.Patient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeIntegrationTests extends ReminderServiceIntegrationTest {

    @Test
    void confirmationNoticeStatesTheProviderTheLocalTimeWithItsZoneAndHowToCancel() {
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(), patient, Instant.parse("2027-03-03T14:30:00Z"));
        String cause = "req-" + UUID.randomUUID();

        send(notifyPatient(cause, appointment, "CONFIRMED"));

        ReceivedMail mail = awaitMails(patient, 1).getFirst();
        String notificationId = "notice:" + appointment.appointmentId() + ":CONFIRMED:" + cause;
        assertThat(mail.subject()).isEqualTo("Confirmed: your appointment with Test clinic on Wed 3 Mar, 09:30 EST");
        assertThat(mail.text())
            .contains("Hello Ada,", "Your appointment with Test clinic is confirmed.",
                    "When: Wednesday 3 March 2027, 09:30 EST (America/New_York)", "To cancel or reschedule",
                    "http://127.0.0.1:8080/?appointment=" + appointment.appointmentId())
            .doesNotContain("command");
        assertThat(mail.html()).contains("Wednesday 3 March 2027, 09:30 EST (America/New_York)", "Test clinic",
                "<a href=\"http://127.0.0.1:8080/?appointment=" + appointment.appointmentId() + "\">");
        assertThat(mail.headers()).containsEntry("X-Notification-Id", notificationId);
        StoredNotification record = awaitFinished(notificationId);
        assertThat(record.status()).isEqualTo("SENT");
        assertThat(record.sentAt()).isNotNull();
        assertThat(record.deliveries()).containsOnlyKeys("email");
        assertThat(record.deliveries().get("email").status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(record.deliveries().get("email").attempts()).isEqualTo(1);
    }

    @Test
    void theRecordOfASentNotificationExpiresAfterItsRetention() {
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(), patient, Instant.parse("2027-03-04T14:30:00Z"));
        String cause = "req-" + UUID.randomUUID();

        send(notifyPatient(cause, appointment, "CONFIRMED"));

        String notificationId = "notice:" + appointment.appointmentId() + ":CONFIRMED:" + cause;
        awaitFinished(notificationId);
        var item = engines.dynamoDb()
            .getItem(request -> request.tableName(Tables.Notifications.NAME)
                .key(Map.of(Tables.Notifications.ID, AttributeValue.fromS(notificationId))))
            .item();
        Instant claimed = Instant.parse(item.get("createdAt").s());
        assertThat(item.get("expiresAt")).as("expiresAt").isNotNull();
        assertThat(item.get("expiresAt").n())
            .isEqualTo(Long.toString(claimed.plus(Duration.ofDays(30)).getEpochSecond()));
    }

    @Test
    void cancellationNoticeSaysSoAndOffersNoCancellation() {
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(), patient, Instant.parse("2027-07-07T13:00:00Z"));

        send(notifyPatient("cancel-" + UUID.randomUUID(), appointment, "CANCELLED"));

        ReceivedMail mail = awaitMails(patient, 1).getFirst();
        assertThat(mail.subject()).startsWith("Cancelled: your appointment with Test clinic");
        assertThat(mail.text()).contains("is cancelled", "Wednesday 7 July 2027, 09:00 EDT (America/New_York)")
            .doesNotContain("To cancel")
            .contains("To book another time", "http://127.0.0.1:8080/.");
    }

    @Test
    void everyMessageDeliveredTwiceSendsEachNotificationOnce() {
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(), patient, startInDays(5));
        String cause = "req-" + UUID.randomUUID();
        String reminderId = "reminder:" + appointment.appointmentId() + ":" + appointment.startsAt() + ":PT2H";
        String reminderDue = """
                {"type": "ReminderDue", "appointmentId": "%s", "startsAt": "%s", "offset": "PT2H",
                 "notificationId": "%s"}
                """.formatted(appointment.appointmentId(), appointment.startsAt(), reminderId);

        send(notifyPatient(cause, appointment, "CONFIRMED"));
        send(notifyPatient(cause, appointment, "CONFIRMED"));
        send(reminderDue);
        send(reminderDue);
        awaitDrained();

        assertThat(mailsTo(patient)).extracting(mail -> mail.headers().get("X-Notification-Id"))
            .containsExactlyInAnyOrder("notice:" + appointment.appointmentId() + ":CONFIRMED:" + cause, reminderId);
        assertThat(notifications.find(reminderId)).get()
            .extracting(StoredNotification::status, StoredNotification::claims)
            .containsExactly("SENT", 1L);
    }

    @Test
    void aNoticeForAnUnknownAppointmentIsRecordedAsFailed() {
        String appointmentId = "appt-missing-" + UUID.randomUUID();

        send("""
                {"type": "NotifyPatient", "causeId": "c1", "appointmentId": "%s", "kind": "CONFIRMED"}
                """.formatted(appointmentId));

        StoredNotification record = awaitFinished("notice:" + appointmentId + ":CONFIRMED:c1");
        assertThat(record.status()).isEqualTo("FAILED");
        assertThat(record.reason()).isEqualTo("APPOINTMENT_NOT_FOUND");
    }

}
