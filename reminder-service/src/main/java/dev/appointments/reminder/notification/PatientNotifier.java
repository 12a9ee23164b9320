package dev.appointments.reminder.notification;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.appointments.model.reminders.NoticeDetails;
import dev.appointments.model.reminders.NotifyPatient;
import dev.appointments.model.reminders.ReminderDue;
import dev.appointments.reminder.ReminderServiceProperties;
import dev.appointments.reminder.delivery.Channel;
import dev.appointments.reminder.delivery.DeliveryAttempts;
import dev.appointments.reminder.delivery.DeliveryResult;
import dev.appointments.reminder.delivery.DeliveryStatus;
import dev.appointments.reminder.delivery.Notice;
import dev.appointments.reminder.delivery.Topic;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Provider;
import dev.appointments.store.provider.Providers;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Decides whether a notification goes out and sends it at most once: a notice is sent as
 * asked; a due reminder only if its appointment is still confirmed and still starts when
 * the reminder was planned for. Sending claims the notification, delivers through every
 * channel that applies (each with its retries), records each channel's result and
 * finishes the notification as SENT or FAILED. Failures that may pass (DynamoDB) throw,
 * so SQS redelivers.
 */
@Component
public class PatientNotifier {

    /**
     * The counter of notifications by channel, result and kind, for dashboards and alerts
     * on failures.
     */
    public static final String METER = "appointments.notifications";

    private static final Logger log = LoggerFactory.getLogger(PatientNotifier.class);

    private final Appointments appointments;

    private final Patients patients;

    private final Providers providers;

    private final Notifications notifications;

    private final List<Channel> channels;

    private final DeliveryAttempts attempts;

    private final Clock clock;

    private final Duration lease;

    private final MeterRegistry meters;

    PatientNotifier(Appointments appointments, Patients patients, Providers providers, Notifications notifications,
            List<Channel> channels, DeliveryAttempts attempts, Clock clock, ReminderServiceProperties properties,
            MeterRegistry meters) {
        this.appointments = appointments;
        this.patients = patients;
        this.providers = providers;
        this.notifications = notifications;
        this.channels = List.copyOf(channels);
        this.attempts = attempts;
        this.clock = clock;
        this.lease = properties.delivery().lease();
        this.meters = meters;
    }

    /**
     * Tells the patient what happened to the appointment, once per cause and kind. A
     * notice that carries the appointment as its transition left it is sent from that,
     * reading only the display data it lacks; one without (from a producer of an earlier
     * version) is sent from what the tables hold.
     */
    public void notice(NotifyPatient command) {
        String id = NotificationIds.notice(command.appointmentId(), command.kind(), command.causeId());
        Topic topic = Topic.of(command.kind());
        try (var mdc = MDC.putCloseable("notificationId", id)) {
            if (command.details() != null) {
                noticeFromDetails(id, topic, command.appointmentId(), command.details());
                return;
            }
            Optional<Appointment> appointment = appointments.find(command.appointmentId());
            if (appointment.isEmpty()) {
                unsent(id, command.appointmentId(), topic, NotificationStatus.FAILED, "APPOINTMENT_NOT_FOUND");
                return;
            }
            deliver(id, topic, appointment.get(), null);
        }
    }

    private void noticeFromDetails(String id, Topic topic, String appointmentId, NoticeDetails details) {
        Notice.About about = new Notice.About(appointmentId, details.providerId(), details.patientId(),
                details.status(), details.startsAt(), details.version());
        Notice.Recipient recipient;
        if (details.recipient() != null) {
            recipient = new Notice.Recipient(details.recipient().firstName(), details.recipient().email());
        }
        else {
            Optional<Patient> patient = patients.find(details.patientId());
            if (patient.isEmpty()) {
                unsent(id, appointmentId, topic, NotificationStatus.FAILED, "PATIENT_NOT_FOUND");
                return;
            }
            recipient = Notice.Recipient.of(patient.get());
        }
        String providerName = details.providerName();
        ZoneId zone;
        try {
            zone = ZoneId.of(details.timeZone());
        }
        catch (DateTimeException unknownZone) {
            unsent(id, appointmentId, topic, NotificationStatus.FAILED, "INVALID_TIME_ZONE");
            return;
        }
        if (providerName == null || providerName.isBlank()) {
            Optional<Provider> provider = providers.find(details.providerId());
            if (provider.isEmpty()) {
                unsent(id, appointmentId, topic, NotificationStatus.FAILED, "PROVIDER_NOT_FOUND");
                return;
            }
            providerName = Notice.nameOf(provider.get());
        }
        deliver(new Notice(id, topic, about, recipient, providerName, zone, null));
    }

    /**
     * Sends a due reminder, unless its appointment was cancelled, moved or is gone since
     * it was planned.
     */
    public void reminderDue(ReminderDue due) {
        try (var mdc = MDC.putCloseable("notificationId", due.notificationId())) {
            Optional<Appointment> found = appointments.find(due.appointmentId());
            if (found.isEmpty()) {
                unsent(due.notificationId(), due.appointmentId(), Topic.REMINDER, NotificationStatus.SKIPPED,
                        "APPOINTMENT_NOT_FOUND");
                return;
            }
            Appointment appointment = found.get();
            if (appointment.status() != AppointmentStatus.CONFIRMED) {
                unsent(due.notificationId(), due.appointmentId(), Topic.REMINDER, NotificationStatus.SKIPPED,
                        "NOT_CONFIRMED:" + appointment.status());
                return;
            }
            if (!appointment.startsAt().equals(due.startsAt())) {
                // A reschedule plans the reminders of the new start when it is confirmed.
                unsent(due.notificationId(), due.appointmentId(), Topic.REMINDER, NotificationStatus.SKIPPED,
                        "START_MOVED");
                return;
            }
            deliver(due.notificationId(), Topic.REMINDER, appointment, due.offset());
        }
    }

    private void deliver(String id, Topic topic, Appointment appointment, Duration reminderOffset) {
        Optional<Patient> patient = patients.find(appointment.patientId());
        Optional<Provider> provider = providers.find(appointment.providerId());
        if (patient.isEmpty() || provider.isEmpty()) {
            unsent(id, appointment.appointmentId(), topic, NotificationStatus.FAILED,
                    patient.isEmpty() ? "PATIENT_NOT_FOUND" : "PROVIDER_NOT_FOUND");
            return;
        }
        deliver(Notice.of(id, topic, appointment, patient.get(), provider.get(), reminderOffset));
    }

    private void deliver(Notice notice) {
        String id = notice.notificationId();
        Topic topic = notice.topic();
        var appointment = notice.appointment();
        List<Channel> applicable = channels.stream().filter(channel -> channel.appliesTo(notice)).toList();
        if (applicable.isEmpty()) {
            unsent(id, appointment.appointmentId(), topic, NotificationStatus.FAILED, "NO_CHANNEL");
            return;
        }
        Optional<Claim> claim = notifications.claim(new Subject(id, appointment.appointmentId(), topic.name(),
                appointment.providerId(), appointment.patientId()), applicable.getFirst().name(), clock.instant(),
                lease);
        if (claim.isEmpty()) {
            log.info("Notification {} was finished before; this copy of the message changes nothing", id);
            meters.counter(METER + ".duplicates", "kind", topic.name()).increment();
            return;
        }
        send(claim.get(), notice, applicable);
    }

    /**
     * Delivers through each channel without a known outcome. A channel is recorded as
     * STARTED before it is handed the notification, and its result is written together
     * with the next step (starting the next channel, or finishing), so one channel costs
     * the claim and one more write.
     * <p>
     * A channel that an earlier holder STARTED and never recorded has an unknown outcome:
     * the SMTP server may have accepted the mail just before that instance stopped. It is
     * sent again, as the same message (same Message-ID and X-Notification-Id), and
     * recorded as resent: we prefer a recognisable duplicate after a crash to a lost
     * notice.
     */
    private void send(Claim claim, Notice notice, List<Channel> applicable) {
        String id = notice.notificationId();
        Topic topic = notice.topic();
        Map<String, DeliveryResult> results = new LinkedHashMap<>(claim.deliveries());
        DeliveryResult unrecorded = null;
        for (Channel channel : applicable) {
            DeliveryResult before = results.get(channel.name());
            if (before != null && before.finished()) {
                continue; // delivered (or failed for good) under an earlier claim that
                          // did not finish
            }
            boolean outcomeUnknown = claim.takeover() && before != null;
            if (before == null || unrecorded != null) {
                notifications.recordAndStart(claim, unrecorded, channel.name(), clock.instant(), lease);
                unrecorded = null;
            }
            if (outcomeUnknown) {
                log.warn("Notification {} was handed to {} by an instance that stopped before recording the outcome;"
                        + " it is sent again as the same message", id, channel.name());
            }
            DeliveryResult result = attempts.deliver(channel, notice);
            if (outcomeUnknown) {
                result = result.asResent();
                meters.counter(METER + ".resent", "channel", channel.name(), "kind", topic.name()).increment();
            }
            unrecorded = result;
            results.put(channel.name(), result);
            meters.counter(METER, "channel", channel.name(), "result", result.status().name(), "kind", topic.name())
                .increment();
            if (result.status() == DeliveryStatus.SENT) {
                log.info("Notification {} {} by {} after {} attempt(s)", id, result.status(), channel.name(),
                        result.attempts());
            }
            else {
                log.warn("Notification {} {} by {} after {} attempt(s): {}", id, result.status(), channel.name(),
                        result.attempts(), result.reason());
            }
        }
        List<String> failures = results.values()
            .stream()
            .filter(result -> result.status() == DeliveryStatus.FAILED)
            .map(result -> result.channel() + ":" + result.reason())
            .toList();
        notifications.finish(claim, unrecorded,
                failures.isEmpty() ? NotificationStatus.SENT : NotificationStatus.FAILED,
                failures.isEmpty() ? null : String.join(", ", failures), clock.instant());
    }

    private void unsent(String id, String appointmentId, Topic topic, NotificationStatus status, String reason) {
        if (notifications.recordUnsent(id, appointmentId, topic.name(), status, reason, clock.instant())) {
            meters.counter(METER, "channel", "none", "result", status.name(), "kind", topic.name()).increment();
            if (status == NotificationStatus.FAILED) {
                log.warn("Notification {} {}: {}", id, status, reason);
            }
            else {
                log.info("Notification {} {}: {}", id, status, reason);
            }
        }
    }

}
