package dev.appointments.timers.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.autoconfigure.AppointmentStoreAutoConfiguration;
import dev.appointments.timers.DurableTimers;
import dev.appointments.timers.Timer;
import dev.appointments.timers.TimerPoller;
import dev.appointments.timers.TimerSender;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DurableTimersAutoConfigurationIntegrationTests {

    private final EmbeddedEngines engines = EmbeddedEngines.shared();

    private final String service = "timers-test-" + UUID.randomUUID();

    private final String queue = "timers-autoconfigure-" + UUID.randomUUID();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(
                AutoConfigurations.of(AppointmentStoreAutoConfiguration.class, DurableTimersAutoConfiguration.class))
        .withBean(DynamoDbClient.class, engines::dynamoDb)
        .withBean(SqsAsyncClient.class,
                () -> SqsAsyncClient.builder()
                    .endpointOverride(engines.sqsEndpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                    .build())
        .withBean(Clock.class, Clock::systemUTC)
        .withPropertyValues("appointments.timers.poll-interval=100ms");

    @Test
    void wiresOneStoreInTheServicesNamespaceAndReleasesADueTimerToTheQueueItNames() {
        String url = engines.sqs().createQueue(request -> request.queueName(queue)).queueUrl();
        runner.withPropertyValues("spring.application.name=" + service).run(context -> {
            assertThat(context).hasSingleBean(DurableTimers.class)
                .hasSingleBean(TimerSender.class)
                .hasSingleBean(TimerPoller.class)
                .hasSingleBean(TimerRelease.class);
            Timer timer = new Timer("t-" + UUID.randomUUID(), Instant.now().minusSeconds(1), queue, "{\"n\":1}",
                    Map.of("type", "Test"));
            context.getBean(DurableTimers.class).schedule(timer);

            Timer later = new Timer("later-" + UUID.randomUUID(), Instant.now().plusSeconds(3600), queue, "{}",
                    Map.of());
            context.getBean(DurableTimers.class).schedule(later);
            assertThat(timersOf(service).isScheduled(later.timerId(), later.dueAt())).isTrue();
            assertThat(timersOf("another-service").isScheduled(later.timerId(), later.dueAt())).isFalse();
            Message released = awaitMessage(url);
            assertThat(released.body()).isEqualTo("{\"n\":1}");
            assertThat(released.messageAttributes().get("type").stringValue()).isEqualTo("Test");
        });
    }

    @Test
    void skipsItsRoundsWhileTheDynamoDbCircuitIsOpenAndReleasesOnceItCloses() {
        String url = engines.sqs().createQueue(request -> request.queueName(queue)).queueUrl();
        runner.withPropertyValues("spring.application.name=" + service).run(context -> {
            CircuitBreaker circuit = context.getBean(CircuitBreaker.class);
            circuit.transitionToForcedOpenState();
            Timer timer = new Timer("t-" + UUID.randomUUID(), Instant.now().minusSeconds(1), queue, "{\"n\":2}",
                    Map.of("type", "Test"));
            // Scheduled around the open circuit, as another instance of the service would
            // have.
            timersOf(service).schedule(timer);

            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> receive(url).isEmpty());
            circuit.transitionToClosedState();

            assertThat(awaitMessage(url).body()).isEqualTo("{\"n\":2}");
        });
    }

    @Test
    void refusesToStartWithoutAnApplicationName() {
        runner.run(context -> assertThat(context).hasFailed()
            .getFailure()
            .hasStackTraceContaining("spring.application.name"));
    }

    @Test
    void canBeSwitchedOff() {
        runner.withPropertyValues("spring.application.name=" + service, "appointments.timers.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(DurableTimers.class)
                .doesNotHaveBean(TimerRelease.class));
    }

    /** The timers of a namespace, as another instance of that service sees them. */
    private DurableTimers timersOf(String namespace) {
        return new DurableTimers(engines.dynamoDb(), DynamoDbCalls.DIRECT, Clock.systemUTC(), namespace, 16, "other",
                DurableTimers.DEFAULT_CLAIM_DURATION);
    }

    private Message awaitMessage(String url) {
        return await().atMost(Duration.ofSeconds(10))
            .until(() -> receive(url), messages -> !messages.isEmpty())
            .getFirst();
    }

    private List<Message> receive(String url) {
        return engines.sqs()
            .receiveMessage(request -> request.queueUrl(url).messageAttributeNames("All").maxNumberOfMessages(10))
            .messages();
    }

}
