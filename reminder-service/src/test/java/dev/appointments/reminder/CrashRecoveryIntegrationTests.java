package dev.appointments.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.appointments.engines.LocalMailServer.ReceivedMail;
import dev.appointments.reminder.delivery.DeliveryResult;
import dev.appointments.reminder.delivery.DeliveryStatus;
import dev.appointments.reminder.notification.StoredNotifications.StoredNotification;
import dev.appointments.resources.Tables;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.patient.Patient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static dev.appointments.reminder.TestEnvironment.WEBHOOKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a patient gets when an instance stops in the middle of a delivery: the stop is
 * simulated right after the SMTP server accepted the mail ({@link CrashingMailSender}),
 * or its leftovers are written as a stopped instance leaves them.
 */
class CrashRecoveryIntegrationTests extends ReminderServiceIntegrationTest {

    /** The lease of a claim in the service's configuration. */
    private static final Duration LEASE = Duration.ofSeconds(90);

    @Test
    void aMailAcceptedJustBeforeTheInstanceStoppedIsSentOnceMoreAsTheSameMessage() {
        Patient patient = newPatient(CrashingMailSender.PREFIX);
        Appointment appointment = confirmedAppointment(newProvider(), patient, startInDays(6));
        String cause = "req-" + UUID.randomUUID();
        String notificationId = "notice:" + appointment.appointmentId() + ":CONFIRMED:" + cause;

        send(notifyPatient(cause, appointment, "CONFIRMED"));

        ReceivedMail first = awaitMails(patient, 1).getFirst();
        StoredNotification stopped = await().atMost(Duration.ofSeconds(30))
            .until(() -> notifications.find(notificationId).orElseThrow(), found -> found.claims() >= 1);
        assertThat(stopped.status()).isEqualTo("SENDING");
        assertThat(stopped.deliveries().get("email").status()).as("outcome unknown").isEqualTo(DeliveryStatus.STARTED);

        // The message comes back after its 5 s visibility timeout while the stopped
        // instance's lease still runs:
        // that copy leaves the notification alone.
        await().pollDelay(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(8)).until(() -> true);
        assertThat(mailsTo(patient)).hasSize(1);
        assertThat(notifications.find(notificationId)).get()
            .extracting(StoredNotification::status)
            .isEqualTo("SENDING");

        clock.advance(LEASE.plusSeconds(1));

        StoredNotification record = awaitFinished(notificationId);
        List<ReceivedMail> mails = awaitMails(patient, 2);
        assertThat(mails).hasSize(2);
        assertThat(mails).extracting(mail -> mail.headers().get("Message-ID"))
            .containsOnly(first.headers().get("Message-ID"))
            .allMatch(id -> id.matches("<[0-9a-f]{32}@example\\.org>"));
        assertThat(mails).extracting(ReceivedMail::subject).containsOnly(first.subject());
        assertThat(record.status()).isEqualTo("SENT");
        assertThat(record.claims()).isEqualTo(2);
        assertThat(record.deliveries().get("email")).extracting(DeliveryResult::status, DeliveryResult::resent)
            .containsExactly(DeliveryStatus.SENT, true);
    }

    @Test
    void aChannelRecordedBeforeTheStopIsNotRepeatedAndTheOneLeftStartedIsSentAgain() {
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(TestEnvironment.WEBHOOK_OK), patient,
                startInDays(7));
        String cause = "req-" + UUID.randomUUID();
        String notificationId = "notice:" + appointment.appointmentId() + ":CONFIRMED:" + cause;
        Instant stoppedAt = clock.instant();
        // What an instance leaves when it stops after recording the mail as sent and
        // handing over the webhook.
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Tables.Notifications.ID, AttributeValue.fromS(notificationId));
        item.put("status", AttributeValue.fromS("SENDING"));
        item.put("leaseUntil", AttributeValue.fromN(Long.toString(stoppedAt.plus(LEASE).toEpochMilli())));
        item.put("claimToken", AttributeValue.fromS("stopped-instance"));
        item.put("claims", AttributeValue.fromN("1"));
        item.put("appointmentId", AttributeValue.fromS(appointment.appointmentId()));
        item.put("kind", AttributeValue.fromS("CONFIRMED"));
        item.put("createdAt", AttributeValue.fromS(stoppedAt.toString()));
        item.put("deliveries", AttributeValue.fromM(Map.of("email", delivery("email", "SENT", 1, stoppedAt), "webhook",
                delivery("webhook", "STARTED", 0, stoppedAt))));
        engines.dynamoDb().putItem(request -> request.tableName(Tables.Notifications.NAME).item(item));
        clock.advance(LEASE.plusSeconds(1));

        send(notifyPatient(cause, appointment, "CONFIRMED"));

        StoredNotification record = awaitFinished(notificationId);
        assertThat(record.status()).isEqualTo("SENT");
        assertThat(record.deliveries().get("webhook")).extracting(DeliveryResult::status, DeliveryResult::resent)
            .containsExactly(DeliveryStatus.SENT, true);
        assertThat(record.deliveries().get("email").resent()).isFalse();
        assertThat(WEBHOOKS.receivedFor(notificationId)).hasSize(1);
        awaitDrained();
        assertThat(mailsTo(patient)).as("the mail recorded as sent is not sent again").isEmpty();
    }

    private static AttributeValue delivery(String channel, String status, int attempts, Instant at) {
        return AttributeValue
            .fromM(Map.of("channel", AttributeValue.fromS(channel), "status", AttributeValue.fromS(status), "attempts",
                    AttributeValue.fromN(Integer.toString(attempts)), "at", AttributeValue.fromS(at.toString())));
    }

}
