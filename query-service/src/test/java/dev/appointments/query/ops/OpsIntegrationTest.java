package dev.appointments.query.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.resources.QueueDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the ops tests: the query-service against the shared embedded engines, watching
 * the system's three queues and three test queues of its own (each with a DLQ), gauges
 * polled every {@link #POLL_INTERVAL}, and every call made with an ops token from a real
 * authorization server.
 * <ul>
 * <li>{@link #DEPTH_QUEUE}: nobody consumes it until a test starts the {@code opsDrain}
 * binding;</li>
 * <li>{@link #POISON_QUEUE}: consumed by {@code opsPoison}, which fails on poison until
 * fixed; two receives, then the DLQ;</li>
 * <li>{@link #BROWSER_QUEUE}: nobody consumes it; the dashboard test fills it and its
 * DLQ.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=query-service", "appointments.queue-metrics.interval=500ms",
                "spring.cloud.function.definition=opsPoison;opsDrain",
                "spring.cloud.stream.bindings.opsPoison-in-0.consumer.concurrency=2",
                "spring.cloud.stream.sqs.bindings.opsPoison-in-0.consumer.visibility-timeout=1s",
                "spring.cloud.stream.sqs.bindings.opsPoison-in-0.consumer.max-receive-count=2",
                "spring.cloud.stream.bindings.opsDrain-in-0.consumer.auto-startup=false",
                // Spring Cloud Stream restarts only bindings with a group; the SQS binder
                // itself ignores groups.
                "spring.cloud.stream.bindings.opsDrain-in-0.group=ops-tests",
                "spring.cloud.stream.sqs.bindings.opsDrain-in-0.consumer.max-receive-count=2" })
@Import(TestConsumers.class)
abstract class OpsIntegrationTest {

    static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    static final String DEPTH_QUEUE = "ops-depth-" + RUN;

    static final String POISON_QUEUE = "ops-poison-" + RUN;

    static final String BROWSER_QUEUE = "ops-browser-" + RUN;

    static final EmbeddedEngines engines = EmbeddedEngines.shared();

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        engines.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> OpsTokens.issuer().toString());
        for (String queue : new String[] { DEPTH_QUEUE, POISON_QUEUE, BROWSER_QUEUE }) {
            engines.provisioner().createQueue(new QueueDefinition(queue, 2, Duration.ofSeconds(30)));
        }
        registry.add("appointments.queue-metrics.queues", () -> String.join(",", "appointment-requests",
                "appointment-confirmations", "appointment-reminders", DEPTH_QUEUE, POISON_QUEUE, BROWSER_QUEUE));
        registry.add("spring.cloud.stream.bindings.opsPoison-in-0.destination", () -> POISON_QUEUE);
        registry.add("spring.cloud.stream.bindings.opsDrain-in-0.destination", () -> DEPTH_QUEUE);
    }

    static String url(String queue) {
        return engines.sqs().getQueueUrl(request -> request.queueName(queue)).queueUrl();
    }

    /** What SQS says right now: visible, in flight, delayed. */
    static long[] depth(String queue) {
        Map<QueueAttributeName, String> attributes = engines.sqs()
            .getQueueAttributes(request -> request.queueUrl(url(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
            .attributes();
        return new long[] { Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)),
                Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)) };
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
    }

    HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + OpsTokens.ops())
                .timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The entry of {@code GET /api/ops/queues} for one queue. */
    JsonNode queueView(String queue) {
        HttpResponse<String> response = get("/api/ops/queues");
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /api/ops/queues: " + response.statusCode() + " " + response.body());
        }
        for (JsonNode entry : json(response).path("queues")) {
            if (entry.path("name").asString().equals(queue)) {
                return entry;
            }
        }
        throw new AssertionError(queue + " is not in " + response.body());
    }

    /** The value of a gauge in the Prometheus scrape, or NaN when absent. */
    double scraped(String metric, String queue) {
        HttpResponse<String> response = get("/actuator/prometheus");
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /actuator/prometheus: " + response.statusCode() + " " + response.body());
        }
        for (String line : response.body().split("\n")) {
            if (line.startsWith(metric + "{") && line.contains("queue=\"" + queue + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

}
