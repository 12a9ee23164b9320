package dev.appointments.localrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.resources.Queues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the README promises a newcomer: start the system, put a booking request on the
 * queue with a plain SQS client, and see the appointment confirmed in the query API and
 * the confirmation e-mail in the mailbox; and give the lifecycle's commands over HTTP,
 * answered with their outcome by the services that carry them out.
 */
@ExtendWith(OutputCaptureExtension.class)
class NewcomerJourneyIntegrationTests {

    @RegisterExtension
    static final RunningLocalRun run = new RunningLocalRun();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRequestOnTheQueueBecomesAConfirmedAppointmentAndAnEmail(CapturedOutput output) {
        String requestId = "newcomer-" + UUID.randomUUID();
        String email = "grace." + UUID.randomUUID() + "@example.com";
        LocalDate date = nextWeekdayAfter(LocalDate.now(ZoneId.of("America/New_York")).plusDays(2));
        String body = """
                {"type": "RequestAppointment", "requestId": "%s", "providerId": "demo-auto",
                 "patient": {"firstName": "Grace", "lastName": "Hopper", "email": "%s",
                             "phone": "+15557654321", "dateOfBirth": "1986-12-09"},
                 "appointmentDate": "%s", "startTime": "10:30", "durationMinutes": 30}""".formatted(requestId, email,
                date);
        var sqs = run.get().engines().sqs();
        String queueUrl = sqs.getQueueUrl(request -> request.queueName(Queues.APPOINTMENT_REQUESTS)).queueUrl();

        sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));

        String token = run.get().auth().clientCredentialsToken("demo-scheduler", LocalAuthServer.DEMO_SECRET);
        String outcome = await().atMost(Duration.ofSeconds(30))
            .until(() -> get("/api/appointment-requests/" + requestId, token), response -> response.statusCode() == 200)
            .body();
        assertThat(outcome).contains("\"status\":\"ACCEPTED\"");
        String appointmentId = outcome.replaceAll(".*\"appointmentId\":\"([^\"]+)\".*", "$1");
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(get("/api/appointments/" + appointmentId, token).body())
                .contains("\"status\":\"CONFIRMED\""));
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(run.get().mail().receivedBy(email)).singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("10:30").contains("America/New_York")));
        assertOneTraceAcrossTheConsumers(output, requestId);
    }

    @Test
    void theProviderConfirmsAndThePatientCancelsOverHttpWithTheirOutcomesAsAnswers() throws Exception {
        LocalDate date = nextWeekdayAfter(LocalDate.now(ZoneId.of("America/New_York")).plusDays(3));
        String scheduler = run.get().auth().clientCredentialsToken("demo-scheduler", LocalAuthServer.DEMO_SECRET);
        String provider = run.get().auth().clientCredentialsToken("demo-provider", LocalAuthServer.DEMO_SECRET);
        String ada = run.get().auth().userToken("ada", "demo-password");
        HttpResponse<String> booked = post(scheduler, "/api/appointment-requests", null, """
                {"providerId": "demo-manual", "patientId": "demo-patient-ada", "appointmentDate": "%s",
                 "startTime": "11:00"}""".formatted(date));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String appointmentId = booked.body().replaceAll(".*\"appointmentId\":\"([^\"]+)\".*", "$1");
        String confirmKey = "confirm-" + UUID.randomUUID();

        HttpResponse<String> confirmed = post(provider, "/api/appointments/" + appointmentId + "/confirm", confirmKey,
                null);
        HttpResponse<String> again = post(provider, "/api/appointments/" + appointmentId + "/confirm", confirmKey,
                null);
        HttpResponse<String> declined = post(provider, "/api/appointments/" + appointmentId + "/decline", null,
                "{\"reason\": \"too late\"}");
        HttpResponse<String> cancelled = post(ada, "/api/appointments/" + appointmentId + "/cancel", null,
                "{\"reason\": \"feeling better\"}");

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("\"commandType\":\"ConfirmAppointment\"", "\"status\":\"ACCEPTED\"");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(confirmed.body());
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(409);
        assertThat(declined.body()).contains("\"reason\":\"ILLEGAL_TRANSITION\"");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        String appointment = get("/api/appointments/" + appointmentId, ada).body();
        assertThat(appointment).contains("\"status\":\"CANCELLED\"", "\"reason\":\"feeling better\"");
        assertThat(appointment.split("\"to\":\"CONFIRMED\"", -1)).as("confirmed once").hasSize(2);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(run.get().mail().receivedBy("ada@demo.example"))
                .anySatisfy(mail -> assertThat(mail.text()).contains("is cancelled", "To book another time")));
    }

    private HttpResponse<String> post(String token, String path, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + run.get().port("request-service") + path))
            .header("Authorization", "Bearer " + token)
            .header("Prefer", "wait=15")
            .timeout(Duration.ofSeconds(40));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        else {
            request.POST(HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The trace context travels in message attributes: the three consumers log the
     * booking under one trace id.
     */
    private static void assertOneTraceAcrossTheConsumers(CapturedOutput output, String requestId) {
        String accepted = output.getOut()
            .lines()
            .filter(line -> line.contains("\"requestId\":\"" + requestId + "\"")
                    && line.contains("dev.appointments.request"))
            .findFirst()
            .orElseThrow();
        String traceId = accepted.replaceAll(".*\"traceId\":\"([0-9a-f]+)\".*", "$1");
        assertThat(traceId).hasSize(32);
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(output.getOut()
                .lines()
                .filter(line -> line.contains("\"traceId\":\"" + traceId + "\""))
                .map(line -> line.replaceAll(".*\"logger\":\"(dev\\.appointments\\.[a-z]+)\\..*", "$1")))
                .contains("dev.appointments.request", "dev.appointments.confirmation", "dev.appointments.reminder"));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + run.get().port("query-service") + path))
                .header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static LocalDate nextWeekdayAfter(LocalDate date) {
        LocalDate day = date;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

}
