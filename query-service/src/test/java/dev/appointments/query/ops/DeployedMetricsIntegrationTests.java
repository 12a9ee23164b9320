package dev.appointments.query.ops;

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

import dev.appointments.request.RequestServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric that the Grafana dashboard and the Prometheus alert rules in deploy/ read is one the services really
 * export: the names come from two live scrapes of {@code /actuator/prometheus} after some traffic, the
 * query-service's (queue depth gauges, and a consumer binding of the SQS binder) and the request-service's, run in
 * this JVM (producer bindings of the binder, booking outcomes). The one exception is named below: it comes from
 * CloudWatch, not from the services.
 */
class DeployedMetricsIntegrationTests extends OpsIntegrationTest {

    /** CloudWatch's ApproximateAgeOfOldestMessage as the Prometheus CloudWatch exporter names it (deploy/README.md). */
    private static final Set<String> FROM_CLOUDWATCH = Set.of("aws_sqs_approximate_age_of_oldest_message_maximum");

    private static final Path DEPLOY = Path.of("").toAbsolutePath().getParent().resolve("deploy");

    @Test
    void everyMetricTheDashboardAndTheAlertsReadIsExported() throws Exception {
        List<String> expressions = new ArrayList<>(grafanaExpressions());
        int fromDashboard = expressions.size();
        expressions.addAll(alertExpressions());
        assertThat(fromDashboard).isGreaterThanOrEqualTo(10);
        assertThat(expressions.size() - fromDashboard).isGreaterThanOrEqualTo(4);

        Set<String> exported = new TreeSet<>();
        exported.addAll(queryServiceMetrics());
        exported.addAll(requestServiceMetrics());

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

    /** After one message went through the test consumer binding. */
    private Set<String> queryServiceMetrics() {
        String body = "{\"ok\":\"" + UUID.randomUUID() + "\"}";
        engines.sqs().sendMessage(request -> request.queueUrl(url(POISON_QUEUE)).messageBody(body));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestConsumers.processed.contains(body));
        return sampleNames(get("/actuator/prometheus").body());
    }

    /** The request-service in this JVM, after it has recorded the outcome of one command. */
    private static Set<String> requestServiceMetrics() throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + OpsTokens.issuer(),
                "--logging.level.org.elasticmq=WARN", "--logging.level.software.amazon.dynamodb=WARN"));
        engines.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        try (ConfigurableApplicationContext requestService = RequestServiceApplication.application()
                .run(args.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) requestService).getWebServer().getPort();
            String command = """
                    {"type": "RequestAppointment", "requestId": "metrics-%s", "providerId": "no-such-provider",
                     "patientId": "no-such-patient", "appointmentDate": "2027-03-02", "startTime": "09:00"}"""
                    .formatted(UUID.randomUUID());
            engines.sqs().sendMessage(request -> request.queueUrl(url("appointment-requests")).messageBody(command));
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + OpsTokens.ops()).build();
            List<String> scraped = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> response = http.send(scrape, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("appointments_commands_total{");
                scraped.add(response.body());
            });
            return sampleNames(scraped.getLast());
        }
    }

    /** The names of the samples in a Prometheus text exposition: what a query can select. */
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
