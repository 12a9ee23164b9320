package dev.appointments.queuemetrics;

import java.time.Duration;
import java.util.UUID;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.resources.QueueDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class QueueMetricsIntegrationTests {

    private static final EmbeddedEngines engines = EmbeddedEngines.shared();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class, QueueMetricsAutoConfiguration.class))
        .withBean(SqsAsyncClient.class,
                () -> SqsAsyncClient.builder()
                    .endpointOverride(engines.sqsEndpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build())
        .withPropertyValues("appointments.queue-metrics.interval=200ms");

    @Test
    void gaugesFollowVisibleInFlightAndDelayedMessagesOfTheQueueAndItsDeadLetterQueue() {
        String queue = newQueue();
        String url = engines.sqs().getQueueUrl(request -> request.queueName(queue)).queueUrl();
        runner.withPropertyValues("appointments.queue-metrics.queues=" + queue).run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(gauge(meters, "visible", queue)).isZero());

            for (int i = 0; i < 25; i++) {
                engines.sqs().sendMessage(request -> request.queueUrl(url).messageBody("{}"));
            }
            engines.sqs().sendMessage(request -> request.queueUrl(url).messageBody("{}").delaySeconds(60));
            engines.sqs().receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(5).visibilityTimeout(60));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(gauge(meters, "visible", queue)).isEqualTo(20);
                assertThat(gauge(meters, "in.flight", queue)).isEqualTo(5);
                assertThat(gauge(meters, "delayed", queue)).isEqualTo(1);
            });
            assertThat(gauge(meters, "visible", queue + "-dlq")).isZero();
            assertThat(meters.get("sqs.queue.messages.visible")
                .tags("queue", queue + "-dlq", "kind", "dead-letter")
                .gauge()).isNotNull();
            assertThat(meters.get("sqs.queue.messages.visible").tags("queue", queue, "kind", "work").gauge())
                .isNotNull();
        });
    }

    @Test
    void aQueueThatCannotBeReadShowsNaNAndTheOthersStillCount() {
        String queue = newQueue();
        String url = engines.sqs().getQueueUrl(request -> request.queueName(queue)).queueUrl();
        engines.sqs().sendMessage(request -> request.queueUrl(url).messageBody("{}"));
        runner.withPropertyValues("appointments.queue-metrics.queues=no-such-queue, " + queue).run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(gauge(meters, "visible", queue)).isEqualTo(1));
            assertThat(gauge(meters, "visible", "no-such-queue")).isNaN();
            assertThat(gauge(meters, "visible", "no-such-queue-dlq")).isNaN();
        });
    }

    @Test
    void canBeSwitchedOff() {
        runner
            .withPropertyValues("appointments.queue-metrics.queues=appointment-requests",
                    "appointments.queue-metrics.enabled=false")
            .run(context -> {
                assertThat(context).doesNotHaveBean(QueueDepthPoller.class);
                assertThat(context.getBean(MeterRegistry.class).find("sqs.queue.messages.visible").gauges()).isEmpty();
            });
    }

    private static String newQueue() {
        String name = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        engines.provisioner().createQueue(new QueueDefinition(name, 3, Duration.ofSeconds(30)));
        return name;
    }

    private static double gauge(MeterRegistry meters, String suffix, String queue) {
        return meters.get("sqs.queue.messages." + suffix).tag("queue", queue).gauge().value();
    }

}
