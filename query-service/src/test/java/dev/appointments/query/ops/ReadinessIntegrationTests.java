package dev.appointments.query.ops;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance: stopping DynamoDB turns the query-service's readiness DOWN (so an
 * orchestrator stops sending it traffic), and starting it again turns readiness UP. The
 * indicators check on each request, so there is no interval to wait out beyond the calls'
 * own timeouts.
 */
class ReadinessIntegrationTests extends OpsIntegrationTest {

    @Test
    void stoppingDynamoDbTurnsReadinessDownAndStartingItTurnsReadinessUp() {
        assertReadiness(200, "UP");
        engines.stopDynamoDb();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode readiness = assertReadiness(503, "DOWN");
                assertThat(readiness.path("components").path("dynamoDb").path("status").asString()).isEqualTo("DOWN");
                assertThat(readiness.path("components").path("sqs").path("status").asString()).isEqualTo("UP");
            });
            assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        }
        finally {
            engines.startDynamoDb();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertReadiness(200, "UP"));
    }

    private JsonNode assertReadiness(int status, String state) {
        var response = get("/actuator/health/readiness");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode readiness = json(response);
        assertThat(readiness.path("status").asString()).isEqualTo(state);
        return readiness;
    }

}
