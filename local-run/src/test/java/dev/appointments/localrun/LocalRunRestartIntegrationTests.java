package dev.appointments.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.resources.Queues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run keeps its data: an appointment booked before a restart is still there
 * after it, with its outcome, and a command put on the queue while no service ran is
 * processed once they run again.
 */
class LocalRunRestartIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void keepsAppointmentsOutcomesAndQueuedCommandsAcrossRestarts(@TempDir Path data) throws Exception {
        LocalRunSettings settings = withData(data);
        String booked = "restart-" + UUID.randomUUID();
        String appointmentId;
        try (LocalRun stack = LocalRun.start(settings)) {
            send(stack, booking(booked, "10:00"));
            String outcome = awaitOutcome(stack, booked);
            appointmentId = outcome.replaceAll(".*\"appointmentId\":\"([^\"]+)\".*", "$1");
            await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get(stack, "/api/appointments/" + appointmentId).body())
                    .contains("\"status\":\"CONFIRMED\""));
        }

        String queued = "queued-" + UUID.randomUUID();
        try (LocalRun enginesOnly = LocalRun.startInfrastructure(settings)) {
            send(enginesOnly, booking(queued, "11:00"));
        }

        try (LocalRun stack = LocalRun.start(settings)) {
            assertThat(get(stack, "/api/appointments/" + appointmentId).body()).contains("\"status\":\"CONFIRMED\"");
            assertThat(get(stack, "/api/appointment-requests/" + booked).body()).contains("\"status\":\"ACCEPTED\"");
            assertThat(awaitOutcome(stack, queued)).contains("\"status\":\"ACCEPTED\"");
        }
    }

    private static LocalRunSettings withData(Path data) {
        LocalRunSettings free = LocalRunSettings.anyFreePorts();
        return new LocalRunSettings(free.engines().withDataDirectory(data), 0, 0, 0, 0, 0, 0, 0);
    }

    private static String booking(String requestId, String time) {
        LocalDate date = LocalDate.now(ZoneId.of("America/New_York")).plusDays(3);
        while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            date = date.plusDays(1);
        }
        return """
                {"type": "RequestAppointment", "requestId": "%s", "providerId": "demo-auto",
                 "patient": {"firstName": "Ada", "lastName": "Byron", "email": "%s@example.com",
                             "dateOfBirth": "1990-12-10"},
                 "appointmentDate": "%s", "startTime": "%s", "durationMinutes": 15}""".formatted(requestId, requestId,
                date, time);
    }

    private static void send(LocalRun stack, String body) {
        var sqs = stack.engines().sqs();
        String queueUrl = sqs.getQueueUrl(request -> request.queueName(Queues.APPOINTMENT_REQUESTS)).queueUrl();
        sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
    }

    private String awaitOutcome(LocalRun stack, String requestId) {
        return await().atMost(Duration.ofSeconds(60))
            .until(() -> get(stack, "/api/appointment-requests/" + requestId),
                    response -> response.statusCode() == 200 && !response.body().contains("PENDING"))
            .body();
    }

    private HttpResponse<String> get(LocalRun stack, String path) throws Exception {
        String token = stack.auth().clientCredentialsToken("demo-scheduler", LocalAuthServer.DEMO_SECRET);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port("query-service") + path))
            .header("Authorization", "Bearer " + token)
            .build(), HttpResponse.BodyHandlers.ofString());
    }

}
