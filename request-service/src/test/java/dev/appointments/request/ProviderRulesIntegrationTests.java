package dev.appointments.request;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.appointments.authserver.LocalAuthServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET}/{@code PUT /api/providers/{id}/rules}: a provider edits its own booking
 * rules, conditionally on the version it read; another provider's rules are not found.
 */
class ProviderRulesIntegrationTests extends RequestServiceIntegrationTest {

    private static final String RULES = """
            {"name": "%s", "timeZone": "America/New_York", "slotMinutes": 30,
             "weeklyHours": {"MONDAY": [{"start": "08:00", "end": "12:00"}]}}""";

    @Test
    void aProviderChangesItsOwnRulesAtTheVersionItRead() throws Exception {
        String provider = newProvider(false);
        String token = LocalAuthServer.shared().providerToken(provider);
        HttpResponse<String> read = httpGet(token, "/api/providers/" + provider + "/rules");
        String etag = read.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> changed = put(token, provider, RULES.formatted("Morning clinic"), etag);
        HttpResponse<String> stale = put(token, provider, RULES.formatted("Evening clinic"), etag);
        HttpResponse<String> blind = put(token, provider, RULES.formatted("Night clinic"), null);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(etag).isEqualTo("\"1\"");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(changed.body()).contains("Morning clinic", "\"slotMinutes\":30");
        assertProblem(stale, 412);
        assertProblem(blind, 428);
        assertThat(providers.find(provider).orElseThrow().rules().name()).isEqualTo("Morning clinic");
    }

    @Test
    void anotherProvidersRulesAreNotFoundAndPatientsEditNone() throws Exception {
        String provider = newProvider(false);
        String stranger = LocalAuthServer.shared().providerToken(newProvider(false));

        assertProblem(httpGet(stranger, "/api/providers/" + provider + "/rules"), 404);
        assertProblem(put(stranger, provider, RULES.formatted("Taken over"), "\"1\""), 404);
        assertProblem(put(patientToken("p-1"), provider, RULES.formatted("Taken over"), "\"1\""), 403);
        assertThat(put(adminToken(), provider, RULES.formatted("By the admin"), "\"1\"").statusCode()).isEqualTo(200);
    }

    @Test
    void invalidRulesAreNamed() throws Exception {
        String provider = newProvider(false);
        String token = LocalAuthServer.shared().providerToken(provider);

        HttpResponse<String> invalid = put(token, provider, """
                {"name": "Bad", "timeZone": "Mars/Olympus", "weeklyHours": {}}""", "\"1\"");

        assertProblem(invalid, 400);
        assertThat(invalid.body()).contains("timeZone");
    }

    private HttpResponse<String> put(String token, String provider, String json, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + port + "/api/providers/" + provider + "/rules"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

}
