package dev.appointments.health;

import java.util.List;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.EmbeddedEnginesExtension;
import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedEnginesExtension.class)
class ResourceHealthIntegrationTests {

    @Test
    void dynamoDbIsUpWithItsTablesAndDownDuringAnOutage(EmbeddedEngines engines) {
        var indicator = new DynamoDbHealthIndicator(engines.dynamoDb(), List.of(Tables.Appointments.NAME));
        Health healthy = indicator.health(true);
        assertThat(healthy.getStatus()).isEqualTo(Status.UP);
        assertThat(healthy.getDetails()).containsEntry(Tables.Appointments.NAME, "ACTIVE");

        engines.stopDynamoDb();
        try {
            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
        }
        finally {
            engines.startDynamoDb();
        }
        assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void dynamoDbIsDownWhenATableIsMissing(EmbeddedEngines engines) {
        var indicator = new DynamoDbHealthIndicator(engines.dynamoDb(), List.of("no-such-table"));
        assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void sqsIsUpWithItsQueuesAndDownWhenAQueueIsMissing(EmbeddedEngines engines) {
        try (SqsAsyncClient sqs = SqsAsyncClient.builder()
            .endpointOverride(engines.sqsEndpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build()) {
            Health healthy = new SqsHealthIndicator(sqs, List.of(Queues.APPOINTMENT_REQUESTS)).health(true);
            assertThat(healthy.getStatus()).isEqualTo(Status.UP);
            assertThat(healthy.getDetails()).containsKey(Queues.APPOINTMENT_REQUESTS);

            assertThat(new SqsHealthIndicator(sqs, List.of("no-such-queue")).health(true).getStatus())
                .isEqualTo(Status.DOWN);
        }
    }

}
