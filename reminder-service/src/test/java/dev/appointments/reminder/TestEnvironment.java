package dev.appointments.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.LocalMailServer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every reminder-service context of the test JVM shares: the embedded engines, the
 * mail server, the webhook receiver, the clock, and settings that make retries and polls
 * fast.
 */
final class TestEnvironment {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-03-01T12:00:00Z"));
    static final LocalMailServer MAIL = LocalMailServer.startOnFreePorts();
    static final WebhookReceiver WEBHOOKS = WebhookReceiver.start();

    /** Providers whose webhook answers 200, fails three times first, or always fails. */
    static final String WEBHOOK_OK = "webhook-ok";
    static final String WEBHOOK_FLAKY = "webhook-flaky";
    static final String WEBHOOK_DOWN = "webhook-down";
    static final String WEBHOOK_SECRET = "s3cret-for-tests";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            MAIL.close();
            WEBHOOKS.close();
        }, "test-environment-stop"));
    }

    private TestEnvironment() {
    }

    static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>(EmbeddedEngines.shared().springProperties());
        properties.putAll(MAIL.springProperties());
        properties.put("appointments.timers.poll-interval", "300ms");
        properties.put("appointments.reminder.delivery.initial-backoff", "50ms");
        properties.put("appointments.reminder.delivery.timeout", "2s");
        properties.put("appointments.reminder.patient-page-url", "http://127.0.0.1:8080/");
        // A copy whose claim is held by another instance comes back after this, not after
        // the default 30 s.
        properties.put("spring.cloud.stream.sqs.bindings.appointmentReminders-in-0.consumer.visibility-timeout", "5s");
        properties.put("spring.cloud.stream.sqs.bindings.appointmentReminders-in-0.consumer.poll-timeout", "1s");
        for (String provider : new String[] { WEBHOOK_OK, WEBHOOK_FLAKY, WEBHOOK_DOWN }) {
            properties.put("appointments.reminder.webhooks." + provider + ".url", WEBHOOKS.url(provider).toString());
            properties.put("appointments.reminder.webhooks." + provider + ".secret", WEBHOOK_SECRET);
        }
        return properties;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        @Bean
        DynamoDbCallLog dynamoDbCallLog() {
            return new DynamoDbCallLog();
        }

        /**
         * The service's DynamoDB client (in place of Spring Cloud AWS's), recording every
         * call.
         */
        @Bean
        DynamoDbClient recordingDynamoDbClient(DynamoDbCallLog log) {
            return DynamoDbClient.builder()
                .endpointOverride(EmbeddedEngines.shared().dynamoDbEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(log))
                .build();
        }

    }

}
