package dev.appointments.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.LocalMailServer.ReceivedMail;
import dev.appointments.reminder.notification.StoredNotifications.StoredNotification;
import dev.appointments.reminder.notification.StoredNotifications;
import dev.appointments.resources.Queues;
import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.TimeRange;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.AppointmentTime;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.appointment.WriteResult;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Providers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the reminder-service's integration tests: the service against the shared
 * embedded engines, a real SMTP server and a webhook receiver, on a clock the tests move.
 * Appointments, patients and providers are written through the stores, as the other
 * services would.
 */
@SpringBootTest(properties = "spring.config.name=reminder-service")
@Import({ TestEnvironment.TestClock.class, CrashingMailSender.Wrapping.class })
abstract class ReminderServiceIntegrationTest {

    static final String NEW_YORK = "America/New_York";

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestEnvironment.properties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> LocalAuthServer.shared().issuerUri().toString());
    }

    @Autowired
    Providers providers;

    @Autowired
    Patients patients;

    @Autowired
    Appointments appointments;

    StoredNotifications notifications;

    @Autowired
    void readNotificationsFrom(ApplicationContext context) {
        this.notifications = new StoredNotifications(context);
    }

    final EmbeddedEngines engines = EmbeddedEngines.shared();

    final MutableClock clock = TestEnvironment.CLOCK;

    /** A provider in New York, open Monday to Friday 08:00-18:00. */
    String newProvider() {
        return newProvider("provider-" + UUID.randomUUID());
    }

    String newProvider(String providerId) {
        providers.create(providerId,
                ProviderRules.withDefaults("Test clinic", NEW_YORK,
                        ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(8, 0), LocalTime.of(18, 0)))),
                clock.instant());
        return providerId;
    }

    Patient newPatient() {
        return newPatient("ada-");
    }

    /** A patient whose e-mail address starts with {@code prefix}. */
    Patient newPatient(String prefix) {
        return patients.findOrCreate(new Patient(null, "Ada", "Lovelace", prefix + UUID.randomUUID() + "@example.com",
                "+15551234567", LocalDate.of(1990, 12, 10), clock.instant()));
    }

    /**
     * Books an appointment of 30 minutes and confirms it, as the request and confirmation
     * services would.
     */
    Appointment confirmedAppointment(String providerId, Patient patient, Instant startsAt) {
        ZonedDateTime local = startsAt.atZone(ZoneId.of(NEW_YORK));
        Appointment requested = new Appointment("appt-" + UUID.randomUUID(), providerId, patient.patientId(),
                AppointmentStatus.REQUESTED, startsAt, startsAt.plus(Duration.ofMinutes(30)), NEW_YORK,
                local.toLocalDate(), local.toLocalTime(), null, null, null, 1, List.of(), clock.instant(),
                clock.instant());
        assertThat(appointments.book(requested, Outcome.accepted("req-" + UUID.randomUUID(), "RequestAppointment", "fp",
                requested.appointmentId(), "booked", clock.instant())))
            .isEqualTo(WriteResult.WRITTEN);
        return transition(requested, AppointmentStatus.CONFIRMED);
    }

    Appointment transition(Appointment current, AppointmentStatus target) {
        Appointment next = current.transitionedTo(target, clock.instant(), "cause-" + UUID.randomUUID(), null);
        assertThat(appointments.update(current, next, null)).isEqualTo(WriteResult.WRITTEN);
        return next;
    }

    /**
     * Moves a confirmed appointment, which puts it back to REQUESTED, and confirms it
     * again.
     */
    Appointment movedAndConfirmed(Appointment current, Instant newStart) {
        ZonedDateTime local = newStart.atZone(ZoneId.of(NEW_YORK));
        Appointment moved = current.movedTo(
                new AppointmentTime(newStart, newStart.plus(Duration.ofMinutes(30)),
                        newStart.plus(Duration.ofMinutes(30)), NEW_YORK, local.toLocalDate(), local.toLocalTime()),
                clock.instant(), "move-" + UUID.randomUUID());
        assertThat(appointments.update(current, moved, null)).isEqualTo(WriteResult.WRITTEN);
        return transition(moved, AppointmentStatus.CONFIRMED);
    }

    /**
     * A whole hour at least {@code days} days after the test clock's now, on a weekday
     * afternoon in New York.
     */
    Instant startInDays(int days) {
        ZonedDateTime start = clock.instant()
            .plus(Duration.ofDays(days))
            .atZone(ZoneId.of(NEW_YORK))
            .withHour(14)
            .withMinute(0)
            .withSecond(0)
            .withNano(0);
        while (start.getDayOfWeek().getValue() > 5) {
            start = start.plusDays(1);
        }
        return start.toInstant();
    }

    void send(String body) {
        send(Queues.APPOINTMENT_REMINDERS, body);
    }

    void send(String queue, String body) {
        String url = engines.sqs().getQueueUrl(request -> request.queueName(queue)).queueUrl();
        engines.sqs().sendMessage(request -> request.queueUrl(url).messageBody(body));
    }

    static String notifyPatient(String causeId, Appointment appointment, String kind) {
        return """
                {"type": "NotifyPatient", "causeId": "%s", "appointmentId": "%s", "kind": "%s"}
                """.formatted(causeId, appointment.appointmentId(), kind);
    }

    static String planReminders(Appointment appointment) {
        return """
                {"type": "PlanReminders", "appointmentId": "%s", "startsAt": "%s"}
                """.formatted(appointment.appointmentId(), appointment.startsAt());
    }

    /**
     * Waits until the queue holds no message, visible, in flight or delayed: everything
     * sent was handled.
     */
    void awaitDrained(String queue) {
        String url = engines.sqs().getQueueUrl(request -> request.queueName(queue)).queueUrl();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Map<QueueAttributeName, String> attributes = engines.sqs()
                .getQueueAttributes(request -> request.queueUrl(url)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes();
            return attributes.values().stream().allMatch("0"::equals);
        });
    }

    void awaitDrained() {
        awaitDrained(Queues.APPOINTMENT_REMINDERS);
    }

    List<ReceivedMail> awaitMails(Patient patient, int count) {
        return await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> TestEnvironment.MAIL.receivedBy(patient.email()), mails -> mails.size() >= count);
    }

    List<ReceivedMail> mailsTo(Patient patient) {
        return TestEnvironment.MAIL.receivedBy(patient.email());
    }

    StoredNotification awaitFinished(String notificationId) {
        return await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> notifications.find(notificationId), found -> found.isPresent() && found.get().finished())
            .orElseThrow();
    }

}
