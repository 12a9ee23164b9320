package dev.appointments.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.SlotRequest;
import dev.appointments.rules.TimeRange;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.appointment.HistoryEntry;
import dev.appointments.store.appointment.WriteResult;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Provider;
import dev.appointments.store.provider.Providers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the query-service's integration tests: the service against the shared embedded
 * engines, on a fixed clock (Monday 2027-03-01 12:00 UTC), with a DynamoDB client that
 * records every operation it sends. Data is written the way the request-service writes
 * it, through the store classes; each test makes its own providers and patients. The API
 * takes tokens from a real local authorization server (one per JVM): {@link #get} sends a
 * token with the scheduler and ops roles, which may read everything, unless the request
 * names its own Authorization header; {@link #getAs} sends the token it is given.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=query-service", "appointments.query.slot-cache-ttl=1s" })
@Import(QueryServiceTestBeans.class)
public abstract class QueryServiceIntegrationTest {

    protected static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    /** Tuesday, the first working day that the default 24 hours of notice leave open. */
    protected static final LocalDate TUESDAY = LocalDate.parse("2027-03-02");

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        EmbeddedEngines.shared().springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> LocalAuthServer.shared().issuerUri().toString());
    }

    /** Tokens by client, fetched once: they live an hour, longer than the suite. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /**
     * A token with the scheduler and ops roles: reads every appointment, outcome and
     * patient, and the ops API.
     */
    protected static String readerToken() {
        return TOKENS.computeIfAbsent("reader", key -> LocalAuthServer.shared()
            .testClientToken("test-reader", List.of("scheduler", "ops"), null, List.of()));
    }

    /**
     * A token of one of the demo clients: demo-scheduler, demo-provider, demo-admin,
     * demo-ops.
     */
    protected static String demoClientToken(String clientId) {
        return TOKENS.computeIfAbsent(clientId,
                id -> LocalAuthServer.shared().clientCredentialsToken(id, LocalAuthServer.DEMO_SECRET));
    }

    /** A token with the patient role and this {@code patient_id}. */
    protected static String patientToken(String patientId) {
        return TOKENS.computeIfAbsent("patient:" + patientId, key -> LocalAuthServer.shared().patientToken(patientId));
    }

    /** A token with the provider role and these {@code provider_id} values. */
    protected static String providerToken(String... providerIds) {
        return TOKENS.computeIfAbsent("provider:" + String.join("+", providerIds),
                key -> LocalAuthServer.shared().providerToken(providerIds));
    }

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected Providers providers;

    @Autowired
    protected Patients patients;

    @Autowired
    protected Appointments appointments;

    @Autowired
    protected DynamoDbOperations dynamoDbOperations;

    @LocalServerPort
    protected int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * A new provider in New York, Monday to Friday 09:00-17:00, 15-minute slots, other
     * rules at their defaults.
     */
    protected String newProvider() {
        return newProvider(ProviderRules.withDefaults("Test clinic", "America/New_York",
                ProviderRules.mondayToFriday(TimeRange.of("09:00", "17:00"))));
    }

    protected String newProvider(ProviderRules rules) {
        String providerId = "provider-" + UUID.randomUUID();
        providers.create(providerId, rules, NOW);
        return providerId;
    }

    protected Patient newPatient() {
        return patients.findOrCreate(new Patient(null, "Ada", "Lovelace", "ada-" + UUID.randomUUID() + "@example.com",
                "+15551234567", LocalDate.parse("1990-12-10"), NOW));
    }

    /**
     * Books a one-slot appointment as the request-service does: the provider's check, the
     * calendar, the outcome.
     */
    protected Appointment book(String providerId, String patientId, LocalDate date, LocalTime time) {
        return book(providerId, patientId, date, time, "req-" + UUID.randomUUID());
    }

    protected Appointment book(String providerId, String patientId, LocalDate date, LocalTime time, String requestId) {
        Provider provider = providers.find(providerId).orElseThrow();
        SlotRequest slot = (SlotRequest) provider.calendar().check(date, time, null, NOW);
        String appointmentId = UUID.randomUUID().toString();
        Appointment appointment = new Appointment(appointmentId, providerId, patientId, AppointmentStatus.REQUESTED,
                slot.start(), slot.end(), provider.calendar().zone().getId(), date, time, "first visit", null,
                slot.blockedUntil(), 1,
                List.of(new HistoryEntry(NOW, null, AppointmentStatus.REQUESTED, requestId, null)), NOW, NOW);
        WriteResult written = appointments.book(appointment, Outcome.accepted(requestId, "RequestAppointment",
                "fingerprint", appointmentId, "Booked; waiting for confirmation.", NOW));
        assertThat(written).isEqualTo(WriteResult.WRITTEN);
        return appointment;
    }

    /** Moves an appointment on through the lifecycle, one conditional update per step. */
    protected Appointment transition(Appointment current, AppointmentStatus target, String reason) {
        Appointment next = current.transitionedTo(target, NOW.plusSeconds(current.version()),
                "req-" + UUID.randomUUID(), reason);
        assertThat(appointments.update(current, next, null)).isEqualTo(WriteResult.WRITTEN);
        return next;
    }

    /**
     * GET with the {@link #readerToken()}, unless the headers (name, value, ...) carry an
     * Authorization header.
     */
    protected HttpResponse<String> get(String path, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Authorization")) {
                return getAs(null, path, headers);
            }
        }
        return getAs(readerToken(), path, headers);
    }

    /**
     * GET with this bearer token ({@code null}: none) and the headers (name, value, ...).
     */
    protected HttpResponse<String> getAs(String token, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create(path.startsWith("http") ? path : "http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Asserts a 400 problem response whose detail mentions {@code detailPart}. */
    protected static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(contentType(response)).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).contains(detailPart);
    }

}
