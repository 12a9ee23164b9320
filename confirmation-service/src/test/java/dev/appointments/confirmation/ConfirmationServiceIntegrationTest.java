package dev.appointments.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.model.confirmations.AppointmentRequested;
import dev.appointments.model.reminders.AppointmentRemindersMessage;
import dev.appointments.resources.Queues;
import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.TimeRange;
import dev.appointments.rules.TimeWindow;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.appointment.BusyTimes;
import dev.appointments.store.appointment.HistoryEntry;
import dev.appointments.store.appointment.WriteResult;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import dev.appointments.store.provider.Provider;
import dev.appointments.store.provider.Providers;
import dev.appointments.timers.TimerPoller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the confirmation-service's integration tests: the service against the shared
 * embedded engines, on a clock the tests move forward, with a fresh provider per test so
 * tests never share a calendar. Appointments are booked straight into the store, as the
 * request-service would, and its facts are put on appointment-confirmations.
 */
@SpringBootTest(properties = { "spring.config.name=confirmation-service",
        "spring.cloud.stream.sqs.bindings.appointmentConfirmations-in-0.consumer.visibility-timeout=3s",
        "spring.cloud.stream.sqs.bindings.appointmentConfirmations-in-0.consumer.poll-timeout=1s",
        "appointments.timers.poll-interval=500ms", "appointments.dynamodb.circuit-open-for=3s",
        "logging.level.software.amazon.dynamodb=WARN", "logging.level.org.elasticmq=WARN" })
@Import(TestClockConfiguration.class)
abstract class ConfirmationServiceIntegrationTest {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /**
     * Every message taken off appointment-reminders so far, by any test: nothing else
     * consumes it here.
     */
    private static final List<AppointmentRemindersMessage> REMINDER_MESSAGES = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        EmbeddedEngines.shared().springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> LocalAuthServer.shared().issuerUri().toString());
    }

    @Autowired
    MutableClock clock;

    @Autowired
    JsonMapper json;

    @Autowired
    TimerPoller timerPoller;

    @Autowired
    MeterRegistry meters;

    final EmbeddedEngines engines = EmbeddedEngines.shared();

    final Appointments appointments = new Appointments(engines.dynamoDb(), DynamoDbCalls.DIRECT);

    final Outcomes outcomes = new Outcomes(engines.dynamoDb(), DynamoDbCalls.DIRECT);

    final Providers providers = new Providers(engines.dynamoDb(), DynamoDbCalls.DIRECT);

    /** A new provider in New York, Monday to Friday 09:00-17:00. */
    Provider newProvider(boolean autoConfirm, Duration confirmationTimeout) {
        ProviderRules rules = ProviderRules
            .withDefaults("Test clinic", "America/New_York",
                    ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 0))))
            .withConfirmation(autoConfirm, confirmationTimeout);
        return providers.create("provider-" + UUID.randomUUID(), rules, clock.instant()).orElseThrow();
    }

    /**
     * Books a 15-minute appointment three days ahead, now, as the request-service does;
     * returns it.
     */
    Appointment book(Provider provider) {
        Instant startsAt = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        return book(provider, startsAt);
    }

    Appointment book(Provider provider, Instant startsAt) {
        Instant now = clock.instant();
        String requestId = newRequestId();
        ZoneId zone = provider.rules().zone();
        Appointment appointment = new Appointment(UUID.randomUUID().toString(), provider.providerId(),
                "patient-" + UUID.randomUUID(), AppointmentStatus.REQUESTED, startsAt,
                startsAt.plus(Duration.ofMinutes(15)), zone.getId(), startsAt.atZone(zone).toLocalDate(),
                startsAt.atZone(zone).toLocalTime(), null, null, null, 1,
                List.of(new HistoryEntry(now, null, AppointmentStatus.REQUESTED, requestId, null)), now, now);
        WriteResult result = appointments.book(appointment,
                Outcome.accepted(requestId, "RequestAppointment", "test", appointment.appointmentId(), "Booked.", now));
        assertThat(result).isEqualTo(WriteResult.WRITTEN);
        return appointment;
    }

    /**
     * The times the provider's calendar keeps around {@code appointment}'s time, read
     * straight from DynamoDB.
     */
    List<TimeWindow> busyAt(Appointment appointment) {
        return new BusyTimes(engines.dynamoDb(), DynamoDbCalls.DIRECT).within(appointment.providerId(),
                appointment.blocked());
    }

    /** The fact the request-service publishes after booking {@code appointment}. */
    AppointmentRequested requested(Appointment appointment, Provider provider) {
        return new AppointmentRequested(appointment.history().getFirst().cause(), appointment.appointmentId(),
                appointment.providerId(), appointment.patientId(), appointment.startsAt(), appointment.endsAt(),
                provider.rules().autoConfirm(), provider.rules().confirmationTimeout(), appointment.version());
    }

    static String newRequestId() {
        return "req-" + UUID.randomUUID();
    }

    void send(AppointmentConfirmationsMessage message) {
        send(json.writerFor(AppointmentConfirmationsMessage.class).writeValueAsString(message));
    }

    void send(String body) {
        String url = queueUrl(Queues.APPOINTMENT_CONFIRMATIONS);
        engines.sqs().sendMessage(request -> request.queueUrl(url).messageBody(body));
    }

    String queueUrl(String queue) {
        return engines.sqs().getQueueUrl(request -> request.queueName(queue)).queueUrl();
    }

    Appointment appointment(String appointmentId) {
        return appointments.find(appointmentId).orElseThrow();
    }

    Appointment awaitStatus(String appointmentId, AppointmentStatus status) {
        return await().atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> appointment(appointmentId), appointment -> appointment.status() == status);
    }

    Outcome awaitOutcome(String requestId) {
        return await().atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> outcomes.find(requestId), Optional::isPresent)
            .orElseThrow();
    }

    /** How many messages of a type the consumer has handled (acknowledged) so far. */
    double handled(String type) {
        return meters.find("appointments.confirmations")
            .tag("type", type)
            .counters()
            .stream()
            .mapToDouble(Counter::count)
            .sum();
    }

    /**
     * Waits until the consumer has handled {@code count} more messages of a type than
     * {@code before}.
     */
    void awaitHandled(String type, double before, int count) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> handled(type) >= before + count);
    }

    /**
     * Moves the clock and runs a timer round at once, as the scheduled poller would
     * within its interval.
     */
    void advanceAndReleaseTimers(Duration duration) {
        clock.advance(duration);
        timerPoller.poll();
    }

    /** The messages sent to appointment-reminders about an appointment so far. */
    List<AppointmentRemindersMessage> remindersFor(String appointmentId) {
        drainReminders();
        return REMINDER_MESSAGES.stream().filter(message -> message.appointmentId().equals(appointmentId)).toList();
    }

    List<AppointmentRemindersMessage> awaitReminders(String appointmentId, int atLeast) {
        return await().atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> remindersFor(appointmentId), messages -> messages.size() >= atLeast);
    }

    private synchronized void drainReminders() {
        String url = queueUrl(Queues.APPOINTMENT_REMINDERS);
        List<Message> batch;
        do {
            batch = engines.sqs()
                .receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10).messageAttributeNames("All"))
                .messages();
            for (Message message : batch) {
                AppointmentRemindersMessage reminder = json.readValue(message.body(),
                        AppointmentRemindersMessage.class);
                assertThat(message.messageAttributes().get("type").stringValue())
                    .isEqualTo(dev.appointments.model.MessageTypes.typeOf(reminder));
                REMINDER_MESSAGES.add(reminder);
                engines.sqs().deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
        while (!batch.isEmpty());
    }

}
