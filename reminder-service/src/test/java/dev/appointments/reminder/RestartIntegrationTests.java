package dev.appointments.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.LocalMailServer.ReceivedMail;
import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.TimeRange;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Providers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders survive a restart: one application context plans them and stops, a second
 * one, started afterwards, sends them when they are due. Both read their own queue, so
 * that the contexts of the other tests in this JVM cannot be the ones that consume these
 * messages.
 */
class RestartIntegrationTests {

    private static final String QUEUE = "appointment-reminders-restart";

    private static final String NEW_YORK = "America/New_York";

    private final MutableClock clock = TestEnvironment.CLOCK;

    @Test
    void remindersPlannedBeforeARestartAreSentAfterIt() {
        Patient patient;
        Instant start;
        try (ConfigurableApplicationContext first = start()) {
            patient = first.getBean(Patients.class)
                .findOrCreate(new Patient(null, "Grace", "Hopper", "grace-" + UUID.randomUUID() + "@example.com", null,
                        LocalDate.of(1906, 12, 9), clock.instant()));
            String providerId = "provider-" + UUID.randomUUID();
            first.getBean(Providers.class)
                .create(providerId,
                        ProviderRules.withDefaults("Restart clinic", NEW_YORK,
                                ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(8, 0), LocalTime.of(18, 0)))),
                        clock.instant());
            start = clock.instant().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            Appointment appointment = confirmed(first.getBean(Appointments.class), providerId, patient, start);
            send("""
                    {"type": "PlanReminders", "appointmentId": "%s", "startsAt": "%s"}
                    """.formatted(appointment.appointmentId(), start));
            awaitDrained();
        }

        clock.advanceTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        try (ConfigurableApplicationContext second = start()) {
            awaitMails(patient, 1);
            clock.advanceTo(start.minus(Duration.ofHours(2)).plusSeconds(1));
            List<ReceivedMail> mails = awaitMails(patient, 2);
            assertThat(mails).extracting(ReceivedMail::subject).allMatch(subject -> subject.startsWith("Reminder"));
            assertThat(mails.get(0).text()).contains("in 24 hours");
            assertThat(mails.get(1).text()).contains("in 2 hours");
        }
    }

    private static ConfigurableApplicationContext start() {
        SpringApplication application = ReminderServiceApplication.application();
        application.addPrimarySources(List.of(TestEnvironment.TestClock.class));
        List<String> args = new ArrayList<>();
        TestEnvironment.properties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=0");
        args.add("--appointments.reminder.queue=" + QUEUE);
        args.add("--spring.cloud.stream.bindings.appointmentReminders-in-0.destination=" + QUEUE);
        return application.run(args.toArray(String[]::new));
    }

    private Appointment confirmed(Appointments appointments, String providerId, Patient patient, Instant start) {
        ZonedDateTime local = start.atZone(ZoneId.of(NEW_YORK));
        Appointment requested = new Appointment("appt-" + UUID.randomUUID(), providerId, patient.patientId(),
                AppointmentStatus.REQUESTED, start, start.plus(Duration.ofMinutes(30)), NEW_YORK, local.toLocalDate(),
                local.toLocalTime(), null, null, null, 1, List.of(), clock.instant(), clock.instant());
        appointments.book(requested, Outcome.accepted("req-" + UUID.randomUUID(), "RequestAppointment", "fp",
                requested.appointmentId(), "booked", clock.instant()));
        Appointment confirmed = requested.transitionedTo(AppointmentStatus.CONFIRMED, clock.instant(), "confirm", null);
        appointments.update(requested, confirmed, null);
        return confirmed;
    }

    private static void send(String body) {
        var sqs = EmbeddedEngines.shared().sqs();
        String url = sqs.getQueueUrl(request -> request.queueName(QUEUE)).queueUrl();
        sqs.sendMessage(request -> request.queueUrl(url).messageBody(body));
    }

    private static void awaitDrained() {
        var sqs = EmbeddedEngines.shared().sqs();
        String url = sqs.getQueueUrl(request -> request.queueName(QUEUE)).queueUrl();
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> sqs
                .getQueueAttributes(request -> request.queueUrl(url)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes()
                .values()
                .stream()
                .allMatch("0"::equals));
    }

    private static List<ReceivedMail> awaitMails(Patient patient, int count) {
        return await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> TestEnvironment.MAIL.receivedBy(patient.email()), mails -> mails.size() >= count);
    }

}
