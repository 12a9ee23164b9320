package dev.appointments.localrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.appointments.authserver.LocalAuthServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system with its security on: a booking by a scheduler leaves none of the
 * patient's personal data in the log output or the metrics, and the demo patient signs
 * in, books for herself and reads only what is hers.
 */
@ExtendWith(OutputCaptureExtension.class)
class PatientPrivacyIntegrationTests {

    private static final String FIRST_NAME = "Zebediah";

    private static final String LAST_NAME = "Quixotic";

    private static final String EMAIL = "zebediah.quixotic@example.com";

    private static final String PHONE = "+15550001234";

    private static final String BIRTH_DATE = "1977-07-07";

    private static final String DEMO_PATIENT_ID = "demo-patient-ada";

    @RegisterExtension
    static final RunningLocalRun run = new RunningLocalRun();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBookingLeavesNoPersonalDataInTheLogsOrMetrics(CapturedOutput output) throws Exception {
        String scheduler = token("demo-scheduler");
        String requestId = "privacy-" + UUID.randomUUID();
        String body = """
                {"requestId": "%s", "providerId": "demo-auto",
                 "patient": {"firstName": "%s", "lastName": "%s", "email": "%s", "phone": "%s", "dateOfBirth": "%s"},
                 "appointmentDate": "%s", "startTime": "11:00", "notes": "Zebediah's knee"}""".formatted(requestId,
                FIRST_NAME, LAST_NAME, EMAIL, PHONE, BIRTH_DATE, bookableDate());

        HttpResponse<String> submitted = post(scheduler, body);

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String appointmentId = awaitAcceptedAppointment(scheduler, requestId);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(get(scheduler, "/api/appointments/" + appointmentId).body())
                .contains("\"status\":\"CONFIRMED\""));
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(run.get().mail().receivedBy(EMAIL)).singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("11:00")));

        String logs = output.getAll();
        assertThat(logs).as("the capture sees the services' log lines").contains("request-service");
        assertNoPersonalData("log output", logs);
        String ops = token("demo-ops");
        for (String service : List.of("request-service", "confirmation-service", "reminder-service", "query-service")) {
            HttpResponse<String> metrics = http.send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + run.get().port(service) + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + ops)
                .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(service).isEqualTo(200);
            assertNoPersonalData(service + " metrics", metrics.body());
        }
    }

    @Test
    void theDemoPatientSignsInBooksForHerselfAndReadsOnlyWhatIsHers() throws Exception {
        String ada = run.get().auth().userToken("ada", "demo-password");
        String requestId = "ada-" + UUID.randomUUID();
        String body = """
                {"requestId": "%s", "providerId": "demo-auto", "patientId": "%s",
                 "appointmentDate": "%s", "startTime": "14:00"}""".formatted(requestId, DEMO_PATIENT_ID,
                bookableDate());

        HttpResponse<String> submitted = post(ada, body);

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String appointmentId = awaitAcceptedAppointment(ada, requestId);
        assertThat(get(ada, "/api/appointments/" + appointmentId).statusCode()).isEqualTo(200);
        assertThat(get(ada, "/api/appointments?patientId=" + DEMO_PATIENT_ID).body()).contains(appointmentId);
        assertThat(get(ada, "/api/patients/" + DEMO_PATIENT_ID).statusCode()).isEqualTo(200);
        assertThat(get(ada, "/fhir/Appointment/" + appointmentId).statusCode()).isEqualTo(200);

        String scheduler = token("demo-scheduler");
        String othersRequest = "other-" + UUID.randomUUID();
        assertThat(post(scheduler, """
                {"requestId": "%s", "providerId": "demo-auto",
                 "patient": {"firstName": "Grace", "lastName": "Hopper", "email": "grace.%s@example.com",
                             "dateOfBirth": "1986-12-09"},
                 "appointmentDate": "%s", "startTime": "15:00"}""".formatted(othersRequest, UUID.randomUUID(),
                bookableDate()))
            .statusCode()).isEqualTo(202);
        String othersAppointment = awaitAcceptedAppointment(scheduler, othersRequest);
        assertThat(get(ada, "/api/appointment-requests/" + othersRequest).statusCode()).isEqualTo(404);
        assertThat(get(ada, "/api/appointments/" + othersAppointment).statusCode()).isEqualTo(404);
        assertThat(get(ada, "/fhir/Appointment/" + othersAppointment).statusCode()).isEqualTo(404);
        assertThat(post(ada, body.replace(requestId, requestId + "-2").replace(DEMO_PATIENT_ID, "someone-else"))
            .statusCode()).isEqualTo(403);
    }

    private static void assertNoPersonalData(String where, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String personal : List.of(FIRST_NAME, LAST_NAME, EMAIL, PHONE, PHONE.substring(1), BIRTH_DATE)) {
            assertThat(lower).as("%s must not contain %s", where, personal)
                .doesNotContain(personal.toLowerCase(Locale.ROOT));
        }
    }

    private String awaitAcceptedAppointment(String token, String requestId) {
        String outcome = await().atMost(Duration.ofSeconds(30))
            .until(() -> get(token, "/api/appointment-requests/" + requestId), response -> response.statusCode() == 200)
            .body();
        assertThat(outcome).contains("\"status\":\"ACCEPTED\"");
        return outcome.replaceAll(".*\"appointmentId\":\"([^\"]+)\".*", "$1");
    }

    private static String token(String demoClient) {
        return run.get().auth().clientCredentialsToken(demoClient, LocalAuthServer.DEMO_SECRET);
    }

    private HttpResponse<String> post(String token, String json) throws Exception {
        return http.send(HttpRequest
            .newBuilder(
                    URI.create("http://127.0.0.1:" + run.get().port("request-service") + "/api/appointment-requests"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + run.get().port("query-service") + path))
                .header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A weekday at least two days ahead in New York, inside demo-auto's notice and
     * advance limits.
     */
    private static LocalDate bookableDate() {
        LocalDate day = LocalDate.now(ZoneId.of("America/New_York")).plusDays(2);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

}
