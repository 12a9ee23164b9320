package dev.appointments.request;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.TimeRange;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import dev.appointments.store.provider.Providers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import static org.awaitility.Awaitility.await;

/**
 * Base of the request-service's integration tests: the service against the shared
 * embedded engines, on a fixed clock (Monday 2027-03-01 12:00 UTC), with a fresh provider
 * per test so tests never share a calendar. Its API takes tokens from a real local
 * authorization server (one per JVM); the HTTP helpers send the token they are given.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=request-service",
                "spring.cloud.stream.sqs.bindings.appointmentRequests-in-0.consumer.visibility-timeout=3s",
                "appointments.dynamodb.circuit-open-for=3s", "logging.level.software.amazon.dynamodb=WARN",
                "logging.level.org.elasticmq=WARN", "logging.level.org.eclipse.jetty=WARN" })
@Import(RequestServiceIntegrationTest.FixedClock.class)
abstract class RequestServiceIntegrationTest {

    static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        EmbeddedEngines.shared().springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> LocalAuthServer.shared().issuerUri().toString());
    }

    /** Tokens by client, fetched once: they live an hour, longer than the suite. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /**
     * A token of the demo client with the scheduler role, which submits intake for any
     * patient.
     */
    static String schedulerToken() {
        return demoClientToken("demo-scheduler");
    }

    /** A token of the demo client with the admin role, which manages providers. */
    static String adminToken() {
        return demoClientToken("demo-admin");
    }

    /**
     * A token of one of the demo clients: demo-scheduler, demo-provider, demo-admin,
     * demo-ops.
     */
    static String demoClientToken(String clientId) {
        return TOKENS.computeIfAbsent(clientId,
                id -> LocalAuthServer.shared().clientCredentialsToken(id, LocalAuthServer.DEMO_SECRET));
    }

    /** A token with the patient role and this {@code patient_id}. */
    static String patientToken(String patientId) {
        return TOKENS.computeIfAbsent("patient:" + patientId, key -> LocalAuthServer.shared().patientToken(patientId));
    }

    @TestConfiguration
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

    }

    @Autowired
    Providers providers;

    @LocalServerPort
    int port;

    final EmbeddedEngines engines = EmbeddedEngines.shared();

    /** Read straight from DynamoDB, not through the service's circuit breaker. */
    final Outcomes outcomes = new Outcomes(engines.dynamoDb(), dev.appointments.store.DynamoDbCalls.DIRECT);

    final HttpClient http = HttpClient.newHttpClient();

    /**
     * A new provider in New York, Monday to Friday 09:00-17:00, 15-minute slots, other
     * rules at their defaults.
     */
    String newProvider(boolean autoConfirm) {
        return newProvider(ProviderRules
            .withDefaults("Test clinic", "America/New_York",
                    ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 0))))
            .withConfirmation(autoConfirm, Duration.ofMinutes(15)));
    }

    String newProvider(ProviderRules rules) {
        String providerId = "provider-" + UUID.randomUUID();
        providers.create(providerId, rules, NOW).orElseThrow();
        return providerId;
    }

    /** Replaces the rules of an existing provider, as an admin would. */
    void changeRules(String providerId, ProviderRules rules) {
        long version = providers.find(providerId).orElseThrow().version();
        providers.update(providerId, rules, version, NOW).orElseThrow();
    }

    /**
     * PUTs new rules for an existing provider through the admin API, from its current
     * version.
     */
    HttpResponse<String> updateRules(String providerId, String rulesJson) throws Exception {
        String etag = "\"" + providers.find(providerId).orElseThrow().version() + "\"";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/providers/" + providerId))
            .header("Authorization", "Bearer " + adminToken())
            .header("Content-Type", "application/json")
            .header("If-Match", etag)
            .PUT(HttpRequest.BodyPublishers.ofString(rulesJson))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String newRequestId() {
        return "req-" + UUID.randomUUID();
    }

    static String requestAppointment(String requestId, String providerId, String email, String date, String time,
            Integer durationMinutes) {
        return """
                {"type": "RequestAppointment", "requestId": "%s", "providerId": "%s",
                 "patient": {"firstName": "Ada", "lastName": "Lovelace", "email": "%s",
                             "phone": "+15551234567", "dateOfBirth": "1990-12-10"},
                 "appointmentDate": "%s", "startTime": "%s"%s, "notes": "first visit"}
                """.formatted(requestId, providerId, email, date, time,
                durationMinutes == null ? "" : ", \"durationMinutes\": " + durationMinutes);
    }

    void send(String body) {
        String url = queueUrl(Queues.APPOINTMENT_REQUESTS);
        engines.sqs().sendMessage(request -> request.queueUrl(url).messageBody(body));
    }

    String queueUrl(String queue) {
        return engines.sqs().getQueueUrl(request -> request.queueName(queue)).queueUrl();
    }

    Outcome awaitOutcome(String requestId) {
        return await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> outcomes.find(requestId), java.util.Optional::isPresent)
            .orElseThrow();
    }

    /** The appointments of a provider, by its index (not a scan). */
    List<Map<String, AttributeValue>> appointmentsOf(String providerId) {
        return engines.dynamoDb()
            .query(request -> request.tableName(Tables.Appointments.NAME)
                .indexName(Tables.Appointments.BY_PROVIDER)
                .keyConditionExpression("providerId = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(providerId))))
            .items();
    }

    /**
     * The times the provider's calendar keeps, as {@code from/until}, read straight from
     * its calendar days.
     */
    List<String> busyOf(String providerId) {
        return engines.dynamoDb()
            .query(request -> request.tableName(Tables.SlotLocks.NAME)
                .keyConditionExpression("providerId = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(providerId))))
            .items()
            .stream()
            .flatMap(item -> item.get("busy").m().values().stream())
            .map(time -> time.m().get("from").s() + "/" + time.m().get("until").s())
            .distinct()
            .sorted()
            .toList();
    }

    /**
     * Every message now on a queue (received without deleting, so they reappear later).
     */
    List<Message> peek(String queue) {
        String url = queueUrl(queue);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<Message> batch = engines.sqs()
                .receiveMessage(request -> request.queueUrl(url)
                    .maxNumberOfMessages(10)
                    .visibilityTimeout(2)
                    .messageAttributeNames("All"))
                .messages();
            if (batch.isEmpty()) {
                break;
            }
            messages.addAll(batch);
        }
        return messages;
    }

    static String attribute(Message message, String name) {
        MessageAttributeValue value = message.messageAttributes().get(name);
        return value == null ? null : value.stringValue();
    }

    /** PUT with a JSON body and the bearer token ({@code null}: none). */
    HttpResponse<String> httpPut(String token, String path, String json) throws Exception {
        return http.send(request(token, path).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST with a JSON body and the bearer token ({@code null}: none). */
    HttpResponse<String> httpPost(String token, String path, String json) throws Exception {
        return http.send(request(token, path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with the bearer token ({@code null}: none). */
    HttpResponse<String> httpGet(String token, String path) throws Exception {
        return http.send(request(token, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

}
