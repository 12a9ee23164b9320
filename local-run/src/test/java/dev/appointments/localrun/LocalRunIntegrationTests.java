package dev.appointments.localrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRunIntegrationTests {

    private static LocalRun stack;

    @BeforeAll
    static void start() {
        stack = LocalRun.start(LocalRunSettings.anyFreePorts());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyServiceReportsHealthUp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String service : List.of("query-service", "request-service", "confirmation-service", "reminder-service")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + stack.port(service) + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(service).isEqualTo(200);
            assertThat(response.body()).as(service).contains("\"status\":\"UP\"").doesNotContain("DOWN")
                    .contains("\"sqs\"", "\"dynamoDb\"");
            HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + stack.port(service) + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as(service).isEqualTo(200);
        }
    }

    @Test
    void everyQueueHasARedrivePolicyAndEveryTableExists() {
        var sqs = stack.engines().sqs();
        for (String queue : List.of(Queues.APPOINTMENT_REQUESTS, Queues.APPOINTMENT_CONFIRMATIONS, Queues.APPOINTMENT_REMINDERS)) {
            String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
            assertThat(sqs.getQueueAttributes(request -> request.queueUrl(url)
                    .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY))
                    .contains(queue + "-dlq");
        }
        assertThat(stack.engines().dynamoDb().listTables().tableNames()).containsAll(Tables.names());
    }
}
