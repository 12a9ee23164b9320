package dev.appointments.request;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two admins never overwrite each other: an update names the version it was made from in
 * {@code If-Match}, and the write is conditional on it.
 */
class ProviderUpdatesIntegrationTests extends RequestServiceIntegrationTest {

    private static final String RULES = """
            {"name": "%s", "timeZone": "Europe/London",
             "weeklyHours": {"MONDAY": [{"start": "09:00", "end": "17:00"}]}}""";

    @Test
    void createsANewProviderWithoutIfMatch() throws Exception {
        String provider = "dr-" + UUID.randomUUID();

        HttpResponse<String> created = put(provider, RULES.formatted("First"), null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
    }

    @Test
    void anUpdateWithoutIfMatchIsRefusedWith428AndChangesNothing() throws Exception {
        String provider = created("First");

        HttpResponse<String> update = put(provider, RULES.formatted("Second"), null);

        assertThat(update.statusCode()).as(update.body()).isEqualTo(428);
        assertThat(update.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(httpGet(adminToken(), "/api/providers/" + provider).body()).contains("\"First\"");
    }

    @Test
    void anUpdateFromTheCurrentVersionIsSavedAndTheNextFromTheSameVersionIsRefusedWith412() throws Exception {
        String provider = created("First");
        String etag = httpGet(adminToken(), "/api/providers/" + provider).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> first = put(provider, RULES.formatted("Second"), etag);
        HttpResponse<String> second = put(provider, RULES.formatted("Third"), etag);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(412);
        HttpResponse<String> now = httpGet(adminToken(), "/api/providers/" + provider);
        assertThat(now.body()).contains("\"Second\"").doesNotContain("\"Third\"");
        assertThat(now.headers().firstValue("ETag")).contains("\"2\"");
    }

    @Test
    void anUpdateOfAProviderThatDoesNotExistIsRefusedWith412() throws Exception {
        HttpResponse<String> update = put("dr-" + UUID.randomUUID(), RULES.formatted("Ghost"), "\"3\"");

        assertThat(update.statusCode()).as(update.body()).isEqualTo(412);
    }

    private String created(String name) throws Exception {
        String provider = "dr-" + UUID.randomUUID();
        HttpResponse<String> created = put(provider, RULES.formatted(name), null);
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        return provider;
    }

    private HttpResponse<String> put(String provider, String rules, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + port + "/api/providers/" + provider))
            .header("Authorization", "Bearer " + adminToken())
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(rules));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
