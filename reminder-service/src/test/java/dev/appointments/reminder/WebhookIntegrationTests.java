package dev.appointments.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.appointments.reminder.WebhookReceiver.Received;
import dev.appointments.reminder.delivery.DeliveryResult;
import dev.appointments.reminder.delivery.DeliveryStatus;
import dev.appointments.reminder.notification.StoredNotifications.StoredNotification;
import dev.appointments.reminder.notification.PatientNotifier;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.patient.Patient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.appointments.reminder.TestEnvironment.WEBHOOKS;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookIntegrationTests extends ReminderServiceIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void theProvidersWebhookReceivesASignedNotificationWithoutPersonalData() throws Exception {
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(TestEnvironment.WEBHOOK_OK), patient,
                Instant.parse("2027-03-03T14:30:00Z"));
        String notificationId = notify(appointment);

        StoredNotification record = awaitFinished(notificationId);

        assertThat(record.status()).isEqualTo("SENT");
        assertThat(record.deliveries().values()).extracting(DeliveryResult::channel, DeliveryResult::status)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("email", DeliveryStatus.SENT),
                    org.assertj.core.groups.Tuple.tuple("webhook", DeliveryStatus.SENT));
        Received post = WEBHOOKS.receivedFor(notificationId).getFirst();
        assertThat(post.signature()).isEqualTo(expectedSignature(post.body()));
        String body = new String(post.body(), StandardCharsets.UTF_8);
        assertThat(body)
            .contains("\"notificationId\":\"" + notificationId + "\"", "\"kind\":\"CONFIRMED\"",
                    "\"localStart\":\"2027-03-03T09:30-05:00\"", "\"timeZone\":\"America/New_York\"",
                    "\"patientId\":\"" + patient.patientId() + "\"")
            .doesNotContain(patient.email(), "Ada", "Lovelace", "+1555");
        assertThat(awaitMails(patient, 1)).hasSize(1);
    }

    @Test
    void aReceiverThatFailsThreeTimesThenSucceedsGetsOneDeliveryRecordedAsSent() throws Exception {
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(TestEnvironment.WEBHOOK_FLAKY), patient,
                startInDays(4));
        String notificationId = notify(appointment);

        StoredNotification record = awaitFinished(notificationId);
        awaitDrained();

        assertThat(record.status()).isEqualTo("SENT");
        assertThat(record.deliveries().get("webhook")).extracting(DeliveryResult::status, DeliveryResult::attempts)
            .containsExactly(DeliveryStatus.SENT, 4);
        List<Received> posts = WEBHOOKS.receivedFor(notificationId);
        assertThat(posts).extracting(Received::answered).containsExactly(503, 503, 503, 200);
        for (Received post : posts) {
            assertThat(post.signature()).isEqualTo(expectedSignature(post.body()));
        }
        assertThat(mailsTo(patient)).hasSize(1);
    }

    @Test
    void aReceiverThatKeepsFailingEndsAsARecordedFailureThatIsNotRetriedForever() {
        double failuresBefore = failedWebhookDeliveries();
        Patient patient = newPatient();
        Appointment appointment = confirmedAppointment(newProvider(TestEnvironment.WEBHOOK_DOWN), patient,
                startInDays(4));
        String cause = "req-" + UUID.randomUUID();
        String notificationId = "notice:" + appointment.appointmentId() + ":CONFIRMED:" + cause;

        send(notifyPatient(cause, appointment, "CONFIRMED"));
        StoredNotification record = awaitFinished(notificationId);
        awaitDrained();
        send(notifyPatient(cause, appointment, "CONFIRMED"));
        awaitDrained();

        assertThat(record.status()).isEqualTo("FAILED");
        assertThat(record.reason()).isEqualTo("webhook:HTTP_500");
        assertThat(record.deliveries().get("webhook"))
            .extracting(DeliveryResult::status, DeliveryResult::attempts, DeliveryResult::reason)
            .containsExactly(DeliveryStatus.FAILED, 4, "HTTP_500");
        assertThat(record.deliveries().get("email").status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(WEBHOOKS.receivedFor(notificationId)).hasSize(4);
        assertThat(mailsTo(patient)).hasSize(1);
        assertThat(failedWebhookDeliveries()).isEqualTo(failuresBefore + 1);
    }

    private String notify(Appointment appointment) {
        String cause = "req-" + UUID.randomUUID();
        send(notifyPatient(cause, appointment, "CONFIRMED"));
        return "notice:" + appointment.appointmentId() + ":CONFIRMED:" + cause;
    }

    private double failedWebhookDeliveries() {
        return meters.find(PatientNotifier.METER)
            .tags("channel", "webhook", "result", "FAILED")
            .counters()
            .stream()
            .mapToDouble(counter -> counter.count())
            .sum();
    }

    /**
     * The receiver's side of the contract, computed independently of the service's code.
     */
    private static String expectedSignature(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestEnvironment.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

}
