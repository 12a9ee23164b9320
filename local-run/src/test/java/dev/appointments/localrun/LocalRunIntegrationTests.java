package dev.appointments.localrun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LocalRunIntegrationTests {

    /**
     * CloudWatch's ApproximateAgeOfOldestMessage as the Prometheus CloudWatch exporter
     * names it (deploy/README.md).
     */
    private static final Set<String> FROM_CLOUDWATCH = Set.of("aws_sqs_approximate_age_of_oldest_message_maximum");

    private static final Path DEPLOY = Path.of("").toAbsolutePath().getParent().resolve("deploy");

    private static final List<String> SERVICES = List.of("query-service", "request-service", "confirmation-service",
            "reminder-service");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    static final RunningLocalRun run = new RunningLocalRun();

    @Test
    void everyServiceReportsHealthUp() throws Exception {
        for (String service : SERVICES) {
            HttpResponse<String> response = http.send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + run.get().port(service) + "/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(service).isEqualTo(200);
            assertThat(response.body()).as(service)
                .contains("\"status\":\"UP\"")
                .doesNotContain("DOWN")
                .contains("\"sqs\"", "\"dynamoDb\"");
            HttpResponse<String> readiness = http.send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + run.get().port(service) + "/actuator/health/readiness"))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as(service).isEqualTo(200);
        }
    }

    @Test
    void everyQueueHasARedrivePolicyAndEveryTableExists() {
        var sqs = run.get().engines().sqs();
        for (String queue : List.of(Queues.APPOINTMENT_REQUESTS, Queues.APPOINTMENT_CONFIRMATIONS,
                Queues.APPOINTMENT_REMINDERS)) {
            String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
            assertThat(sqs
                .getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes()
                .get(QueueAttributeName.REDRIVE_POLICY)).contains(queue + "-dlq");
        }
        assertThat(run.get().engines().dynamoDb().listTables().tableNames()).containsAll(Tables.names());
    }

    /**
     * Every metric that the Grafana dashboard and the Prometheus alert rules in deploy/
     * read is one the services really export: live scrapes of every service after one
     * command went through the request-service (queue depth gauges, consumer and producer
     * bindings of the SQS binder, booking outcomes). The one exception, CloudWatch's
     * oldest-message age, is named above.
     */
    @Test
    void everyMetricTheDashboardAndTheAlertsReadIsExported() throws Exception {
        List<String> expressions = new ArrayList<>(grafanaExpressions());
        int fromDashboard = expressions.size();
        expressions.addAll(alertExpressions());
        assertThat(fromDashboard).isGreaterThanOrEqualTo(10);
        assertThat(expressions.size() - fromDashboard).isGreaterThanOrEqualTo(4);

        Set<String> exported = exportedAfterOneCommand();

        for (String expression : expressions) {
            Set<String> read = PromQlMetricNames.in(expression);
            assertThat(read).as("metrics in %s", expression).isNotEmpty();
            for (String metric : read) {
                if (!FROM_CLOUDWATCH.contains(metric)) {
                    assertThat(exported).as("exported metrics, for %s", expression).contains(metric);
                }
            }
        }
    }

    private static List<String> grafanaExpressions() throws IOException {
        JsonNode dashboard = JSON.readTree(Files.readString(DEPLOY.resolve("grafana/appointments-dashboard.json")));
        List<String> expressions = new ArrayList<>();
        collectExpressions(dashboard.path("panels"), expressions);
        return expressions;
    }

    private static void collectExpressions(JsonNode panels, List<String> into) {
        for (JsonNode panel : panels) {
            panel.path("targets").forEach(target -> into.add(target.path("expr").asString()));
            collectExpressions(panel.path("panels"), into);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(DEPLOY.resolve("prometheus/alerts.yml")));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add(String.valueOf(rule.get("expr")));
            }
        }
        return expressions;
    }

    /**
     * Every service's samples, once the request-service has recorded the outcome of one
     * command from its queue.
     */
    private static Set<String> exportedAfterOneCommand() throws Exception {
        String ops = run.get().auth().clientCredentialsToken("demo-ops", LocalAuthServer.DEMO_SECRET);
        String command = """
                {"type": "RequestAppointment", "requestId": "metrics-%s", "providerId": "no-such-provider",
                 "patientId": "no-such-patient", "appointmentDate": "2027-03-02", "startTime": "09:00"}"""
            .formatted(UUID.randomUUID());
        var sqs = run.get().engines().sqs();
        String queueUrl = sqs.getQueueUrl(request -> request.queueName(Queues.APPOINTMENT_REQUESTS)).queueUrl();
        sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(command));
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(scrape("request-service", ops)).contains("appointments_commands_total{"));
        Set<String> names = new TreeSet<>();
        for (String service : SERVICES) {
            names.addAll(sampleNames(scrape(service, ops)));
        }
        return names;
    }

    private static String scrape(String service, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + run.get().port(service) + "/actuator/prometheus"))
            .header("Authorization", "Bearer " + token)
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(service).isEqualTo(200);
        return response.body();
    }

    /**
     * The names of the samples in a Prometheus text exposition: what a query can select.
     */
    private static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int end = line.indexOf('{');
                names.add(line.substring(0, end >= 0 ? end : line.indexOf(' ')).trim());
            }
        }
        return names;
    }

}
