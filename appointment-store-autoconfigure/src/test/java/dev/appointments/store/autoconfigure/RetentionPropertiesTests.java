package dev.appointments.store.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionPropertiesTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AppointmentStoreAutoConfiguration.class))
        .withBean(DynamoDbClient.class, () -> DynamoDbClient.builder().region(Region.US_EAST_1).build());

    @Test
    void keepsOutcomesAndNotificationsThirtyDaysAndTimersAWeekByDefault() {
        contexts.run(context -> assertThat(context.getBean(RetentionProperties.class))
            .isEqualTo(new RetentionProperties(Duration.ofDays(30), Duration.ofDays(30), Duration.ofDays(7))));
    }

    @Test
    void refusesToForgetAnOutcomeWhileSqsMayStillDeliverItsCommand() {
        contexts.withPropertyValues("appointments.retention.outcomes=7d")
            .run(context -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("appointments.retention.outcomes"));
    }

    @Test
    void takesALongerRetentionFromTheEnvironment() {
        contexts.withPropertyValues("appointments.retention.notifications=90d")
            .run(context -> assertThat(context.getBean(RetentionProperties.class).notifications())
                .isEqualTo(Duration.ofDays(90)));
    }

}
