package dev.appointments.reminder;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reminder-service, each overridable by environment variable
 * ({@code APPOINTMENTS_REMINDER_OFFSETS=24h,2h}, {@code APPOINTMENTS_REMINDER_MAIL_FROM},
 * ...).
 *
 * @param offsets how long before an appointment's start its reminders are due
 * @param queue the queue the due reminders are released to: this service's own (its
 * durable timers are set under {@code appointments.timers.*}, module durable-timers)
 * @param delivery retries and the claim on a notification while it is being delivered
 * @param mail the sender of the e-mails
 * @param patientPageUrl the patient page, where the e-mails send patients to cancel,
 * reschedule or book again
 * @param webhooks per provider id, where its notifications are POSTed and the secret that
 * signs them
 */
@ConfigurationProperties("appointments.reminder")
public record ReminderServiceProperties(@DefaultValue( {
        "24h", "2h" }) List<Duration> offsets, @DefaultValue("appointment-reminders") String queue,
        @DefaultValue Delivery delivery, @DefaultValue Mail mail,
        @DefaultValue("http://127.0.0.1:8080/") URI patientPageUrl, Map<String, Webhook> webhooks){

    public ReminderServiceProperties {
        offsets = List.copyOf(offsets);
        webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
    }

    /**
     * @param maxAttempts attempts per channel before a delivery is recorded as failed
     * @param initialBackoff wait after the first failed attempt; each next wait is
     * {@code backoffMultiplier} longer
     * @param backoffMultiplier growth of the wait between attempts
     * @param timeout connect and read timeout of one attempt (SMTP and HTTP)
     * @param lease how long a claim on a notification keeps others from delivering it;
     * longer than all attempts
     */
    public record Delivery(@DefaultValue("4") int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("2.0") double backoffMultiplier, @DefaultValue("5s") Duration timeout,
            @DefaultValue("2m") Duration lease) {
    }

    /**
     * @param from the sender address of every e-mail
     */
    public record Mail(@DefaultValue("appointments@example.org") String from) {
    }

    /**
     * @param url where the provider receives its notifications
     * @param secret the HMAC-SHA256 key of the {@code X-Signature-SHA256} header
     */
    public record Webhook(URI url, String secret) {

        @Override
        public String toString() {
            return "Webhook[url=" + url + "]";
        }
    }
}
