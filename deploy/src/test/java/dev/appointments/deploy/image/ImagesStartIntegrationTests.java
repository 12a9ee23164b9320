package dev.appointments.deploy.image;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import dev.appointments.deploy.service.AppointmentService;
import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.LocalMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images start: the local authorization server and the four services run from their
 * images' contents (entry point, class path and environment of each image, with this
 * build's JVM; see {@link ImageProcess}) against the embedded engines, configured only by
 * environment variables as an orchestrator would, and report healthy.
 */
class ImagesStartIntegrationTests {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalMailServer mail;

    private static ImageProcess authServer;

    private static URI issuer;

    private static final Map<AppointmentService, ImageProcess> services = new EnumMap<>(AppointmentService.class);

    private static final Map<AppointmentService, Integer> ports = new EnumMap<>(AppointmentService.class);

    @BeforeAll
    static void startImages() {
        EmbeddedEngines engines = EmbeddedEngines.shared();
        mail = LocalMailServer.startOnFreePorts();
        int authPort = freePort();
        issuer = URI.create("http://127.0.0.1:" + authPort);
        authServer = ImageProcess.start(ImageTar.of("local-auth-server"),
                Map.of("SERVER_PORT", Integer.toString(authPort), "LOCAL_AUTH_SERVER_ISSUER", issuer.toString(),
                        "JAVA_TOOL_OPTIONS", "-Xmx256m"));
        for (AppointmentService service : AppointmentService.values()) {
            int port = freePort();
            Map<String, String> environment = new HashMap<>(Map.of("SERVER_PORT", Integer.toString(port), "AWS_REGION",
                    "us-east-1", "SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY", "local",
                    "SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY", "local", "SPRING_CLOUD_AWS_SQS_ENDPOINT",
                    engines.sqsEndpoint().toString(), "SPRING_CLOUD_AWS_DYNAMODB_ENDPOINT",
                    engines.dynamoDbEndpoint().toString(), "SPRING_CLOUD_STREAM_SQS_BINDER_AUTO_CREATE_QUEUES", "false",
                    "TOKEN_ISSUER_URI", issuer.toString(), "JAVA_TOOL_OPTIONS", "-Xmx384m"));
            if (service == AppointmentService.REMINDER) {
                environment.put("MAIL_HOST", mail.host());
                environment.put("MAIL_PORT", Integer.toString(mail.smtpPort()));
            }
            ports.put(service, port);
            services.put(service, ImageProcess.start(ImageTar.of(service.serviceName()), environment));
        }
    }

    @AfterAll
    static void stopImages() {
        services.values().forEach(ImageProcess::close);
        if (authServer != null) {
            authServer.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void serviceStartedFromItsImageIsLiveAndReady(AppointmentService service) {
        ImageProcess process = services.get(service);
        URI base = URI.create("http://127.0.0.1:" + ports.get(service));
        HttpResponse<String> readiness = process.awaitAnswer(base.resolve(AppointmentService.READINESS_PATH),
                response -> response.statusCode() == 200, STARTUP);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> liveness = process.awaitAnswer(base.resolve(AppointmentService.LIVENESS_PATH),
                response -> response.statusCode() == 200, Duration.ofSeconds(10));
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void infoShowsTheBuildAndTheCommitTheImageWasBuiltFrom(AppointmentService service) throws Exception {
        URI base = URI.create("http://127.0.0.1:" + ports.get(service));
        services.get(service)
            .awaitAnswer(base.resolve(AppointmentService.READINESS_PATH), response -> response.statusCode() == 200,
                    STARTUP);
        authServer.awaitAnswer(issuer.resolve("/.well-known/openid-configuration"),
                response -> response.statusCode() == 200, STARTUP);
        HttpResponse<String> info = HTTP.send(HttpRequest.newBuilder(base.resolve("/actuator/info"))
            .header("Authorization", "Bearer " + clientCredentialsToken("demo-ops"))
            .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
        assertThat(info.body()).contains("\"build\":{")
            .contains("\"artifact\":\"" + service.serviceName() + "\"")
            .contains("\"version\":\""
                    + ImageTar.of(service.serviceName()).labels().get("org.opencontainers.image.version") + "\"")
            .contains("\"git\":{")
            .contains("\"commit\":{");
    }

    @Test
    void authorizationServerImageIssuesTokensThatTheServiceImagesAccept() throws Exception {
        authServer.awaitAnswer(issuer.resolve("/.well-known/openid-configuration"),
                response -> response.statusCode() == 200, STARTUP);
        String token = clientCredentialsToken("demo-scheduler");

        URI query = URI.create("http://127.0.0.1:" + ports.get(AppointmentService.QUERY));
        services.get(AppointmentService.QUERY)
            .awaitAnswer(query.resolve(AppointmentService.READINESS_PATH), response -> response.statusCode() == 200,
                    STARTUP);
        HttpResponse<String> unknownOutcome = HTTP
            .send(HttpRequest.newBuilder(query.resolve("/api/appointment-requests/never-sent"))
                .header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withoutToken = HTTP.send(
                HttpRequest.newBuilder(query.resolve("/api/appointment-requests/never-sent")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknownOutcome.statusCode()).as(unknownOutcome.body()).isEqualTo(404);
        assertThat(withoutToken.statusCode()).isEqualTo(401);
    }

    private static String clientCredentialsToken(String clientId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(issuer.resolve("/oauth2/token"))
            .header("Authorization",
                    "Basic " + java.util.Base64.getEncoder().encodeToString((clientId + ":demo-secret").getBytes()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String body = response.body();
        int start = body.indexOf("\"access_token\":\"") + "\"access_token\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
