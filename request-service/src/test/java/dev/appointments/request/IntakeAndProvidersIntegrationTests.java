package dev.appointments.request;

import java.net.http.HttpResponse;

import dev.appointments.store.outcome.OutcomeStatus;
import org.junit.jupiter.api.Test;

import static dev.appointments.request.BookingIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

class IntakeAndProvidersIntegrationTests extends RequestServiceIntegrationTest {

    private static final String RULES = """
            {"name": "Dr Grey", "timeZone": "Europe/London",
             "weeklyHours": {"MONDAY": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}]},
             "dateOverrides": [{"date": "2027-03-08", "closed": true}],
             "slotMinutes": 30, "bufferMinutes": 10, "autoConfirm": true, "confirmationTimeout": "PT2H"}""";

    @Test
    void putsAndGetsAProviderWithDefaultsFilledIn() throws Exception {
        String provider = "dr-grey-" + java.util.UUID.randomUUID();
        HttpResponse<String> put = httpPut(adminToken(), "/api/providers/" + provider, RULES);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

        HttpResponse<String> get = httpGet(adminToken(), "/api/providers/" + provider);

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("ETag")).isPresent();
        assertThat(get.body()).contains("\"timeZone\":\"Europe/London\"", "\"slotMinutes\":30",
                "\"minimumNotice\":\"PT24H\"", "\"maximumAdvance\":\"PT2160H\"", "\"autoConfirm\":true");
    }

    @Test
    void invalidRulesGetAProblemNamingTheField() throws Exception {
        HttpResponse<String> put = httpPut(adminToken(), "/api/providers/broken",
                RULES.replace("Europe/London", "Mars/Olympus_Mons"));

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(put.body()).contains("timeZone");
    }

    @Test
    void anUnknownProviderIsNotFound() throws Exception {
        HttpResponse<String> get = httpGet(adminToken(), "/api/providers/nobody-here");

        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(get.body()).contains("nobody-here");
    }

    @Test
    void intakeQueuesAValidRequestAndItGetsBooked() throws Exception {
        String provider = newProvider(true);
        String requestId = newRequestId();
        String body = requestAppointment(requestId, provider, unique("intake"), "2027-03-03", "15:00", null)
            .replace("\"type\": \"RequestAppointment\", ", "");

        HttpResponse<String> response = httpPost(schedulerToken(), "/api/appointment-requests", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).contains(requestId, "/api/appointment-requests/" + requestId);
        assertThat(awaitOutcome(requestId).status()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    @Test
    void intakeRefusesAnInvalidBodyWithAProblem() throws Exception {
        String body = requestAppointment("bad id with spaces", "dr-x", "not-an-email", "2027-03-03", "15:00", null);

        HttpResponse<String> response = httpPost(schedulerToken(), "/api/appointment-requests", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("requestId", "patient.email");
    }

    @Test
    void intakeRefusesSomethingThatIsNotJson() throws Exception {
        HttpResponse<String> response = httpPost(schedulerToken(), "/api/appointment-requests", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

}
