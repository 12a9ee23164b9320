package dev.appointments.security;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import dev.appointments.authserver.LocalAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.appointments.authserver.LocalAuthServer.DEMO_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security of a service's API end to end: tokens from a real local authorization
 * server, a real HTTP server, nothing switched off or mocked.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "appointments.security.access[0].paths=/public/**",
                "appointments.security.access[0].permit-all=true",
                "appointments.security.rate-limit.limits[0].method=POST",
                "appointments.security.rate-limit.limits[0].path=/api/appointment-requests",
                "appointments.security.rate-limit.limits[0].capacity=3",
                "appointments.security.rate-limit.limits[0].period=1h",
                "appointments.security.cors.allowed-origins=https://clinic.example",
                "appointments.security.max-request-body=1KB",
                "management.endpoints.web.exposure.include=health,info,metrics",
                "management.endpoint.health.probes.enabled=true", "spring.mvc.problemdetails.enabled=true" })
class ApiSecurityIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalAuthServer authServer;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        authServer = LocalAuthServer.start(0);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> authServer.issuerUri().toString());
    }

    @AfterAll
    static void stopAuthServer() {
        authServer.close();
    }

    @Test
    void refusesARequestWithoutTokenWithProblem401() throws Exception {
        HttpResponse<String> response = get("/api/providers", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void refusesAForgedOrForeignToken() throws Exception {
        try (LocalAuthServer otherIssuer = LocalAuthServer.start(0)) {
            String foreign = otherIssuer.clientCredentialsToken("demo-admin", DEMO_SECRET);

            assertThat(get("/api/providers", foreign).statusCode()).isEqualTo(401);
        }
        assertThat(get("/api/providers", "not-a-jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAWrongRoleWithProblem403() throws Exception {
        HttpResponse<String> response = get("/api/providers", token("demo-scheduler"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":403");
    }

    @Test
    void servesTheRightRole() throws Exception {
        assertThat(get("/api/providers", token("demo-admin")).statusCode()).isEqualTo(200);
        assertThat(get("/api/ops/queues", token("demo-ops")).statusCode()).isEqualTo(200);
        assertThat(get("/api/ops/queues", token("demo-admin")).statusCode()).isEqualTo(403);
        assertThat(post("/api/appointment-requests", token("demo-scheduler"), "{}").statusCode()).isEqualTo(202);
        assertThat(post("/api/appointment-requests", token("demo-admin"), "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void anyValidTokenReachesPathsWithoutRule() throws Exception {
        HttpResponse<String> response = get("/api/whoami", token("demo-provider"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"subject\":\"demo-provider\"", "provider", "demo-auto", "demo-manual");
    }

    @Test
    void publicPathsNeedNoToken() throws Exception {
        assertThat(get("/public/hello", null).statusCode()).isEqualTo(200);
    }

    @Test
    void showsAnAppointmentOnlyToThoseAllowedAndAnswers404ToOthers() throws Exception {
        HttpResponse<String> missing = get("/api/appointments/a-404", authServer.patientToken("p-1"));
        HttpResponse<String> otherPatient = get("/api/appointments/a-1", authServer.patientToken("p-2"));

        assertThat(get("/api/appointments/a-1", authServer.patientToken("p-1")).statusCode()).isEqualTo(200);
        assertThat(get("/api/appointments/a-1", authServer.providerToken("dr-grey")).statusCode()).isEqualTo(200);
        assertThat(get("/api/appointments/a-1", token("demo-scheduler")).statusCode()).isEqualTo(200);
        assertThat(get("/api/appointments/a-1", token("demo-provider")).statusCode()).isEqualTo(404);
        assertThat(otherPatient.statusCode()).isEqualTo(404);
        // Refused and missing look alike, so ids cannot be probed.
        assertThat(otherPatient.body().replace("a-1", "ID")).isEqualTo(missing.body().replace("a-404", "ID"));
    }

    @Test
    void patientSignedInThroughTheCodeFlowSeesItsOwnAppointment() throws Exception {
        authServer.addPatientUser("ada-test", "pw-for-test", "p-1");

        assertThat(get("/api/appointments/a-1", authServer.userToken("ada-test", "pw-for-test")).statusCode())
            .isEqualTo(200);
    }

    @Test
    void refusesADeclaredBodyOverTheLimitWith413() throws Exception {
        HttpResponse<String> response = post("/api/echo", token("demo-scheduler"), "x".repeat(1025));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void refusesAStreamedBodyOverTheLimitWith413AndPassesSmallerOnes() throws Exception {
        HttpResponse<String> tooLarge = postStreamed("/api/echo", token("demo-scheduler"), new byte[4096]);
        HttpResponse<String> small = postStreamed("/api/echo", token("demo-scheduler"), "y".repeat(1000).getBytes());

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.body()).isEqualTo("1000");
    }

    @Test
    void limitsIntakePerClientWith429AndRetryAfter() throws Exception {
        String busy = authServer.patientToken("p-busy");
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/appointment-requests", busy, "{}").statusCode()).isEqualTo(202);
        }

        HttpResponse<String> refused = post("/api/appointment-requests", busy, "{}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After"))
            .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        assertThat(refused.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        // Another client still has its own bucket.
        assertThat(post("/api/appointment-requests", authServer.patientToken("p-calm"), "{}").statusCode())
            .isEqualTo(202);
    }

    @Test
    void allowsConfiguredOriginsOnlyForCrossOriginCalls() throws Exception {
        HttpResponse<String> allowed = preflight("https://clinic.example");
        HttpResponse<String> refused = preflight("https://evil.example");
        HttpResponse<String> refusedCall = send(
                request("/api/whoami", token("demo-ops")).header("Origin", "https://evil.example").GET().build());

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://clinic.example");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(refusedCall.statusCode()).isEqualTo(403);
    }

    @Test
    void keepsHealthOpenAndTheRestOfActuatorForOps() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", token("demo-scheduler")).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", token("demo-ops")).statusCode()).isEqualTo(200);
        assertThat(get("/actuator", token("demo-admin")).statusCode()).isEqualTo(403);
    }

    @Test
    void sendsSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/public/hello", null);

        assertThat(response.headers().firstValue("Content-Security-Policy"))
            .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "script-src 'self'",
                    "frame-ancestors 'none'", "connect-src 'self' " + authServer.issuerUri()));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Permissions-Policy")).isPresent();
        assertThat(response.headers().firstValue("Cache-Control"))
            .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    private static String token(String demoClient) {
        return authServer.clientCredentialsToken(demoClient, DEMO_SECRET);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET().build());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return send(request(path, token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
    }

    /** No Content-Length: the body goes out chunked, as a stream would. */
    private HttpResponse<String> postStreamed(String path, String token, byte[] body) throws Exception {
        byte[] copy = Arrays.copyOf(body, body.length);
        return send(request(path, token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(copy)))
            .build());
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return send(request("/api/whoami", null).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "authorization")
            .build());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
