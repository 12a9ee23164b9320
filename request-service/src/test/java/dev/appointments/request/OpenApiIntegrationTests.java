package dev.appointments.request;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request-service publishes its OpenAPI document and Swagger UI, and the document is
 * checked in ({@code docs/openapi.json}): a change to the API that is not also a change
 * to the checked-in document fails here. After an intended change, run this test with
 * {@code -Dopenapi.write=true} to write the new document, and review it.
 */
class OpenApiIntegrationTests extends RequestServiceIntegrationTest {

    private static final Path CHECKED_IN = Path.of("docs", "openapi.json");

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void servesTheCheckedInDocument() throws Exception {
        HttpResponse<String> response = httpGet(null, "/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode served = withoutServers(JSON.readTree(response.body()));
        String pretty = JSON.writeValueAsString(served) + "\n";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), pretty);
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(CHECKED_IN.getParent());
            Files.writeString(CHECKED_IN, pretty);
        }

        assertThat(Files.exists(CHECKED_IN)).as("%s is checked in", CHECKED_IN).isTrue();
        assertThat(served)
            .as("The served OpenAPI document differs from %s: if the change is intended, run this test "
                    + "with -Dopenapi.write=true (or copy target/openapi.json) and commit it", CHECKED_IN)
            .isEqualTo(JSON.readTree(Files.readString(CHECKED_IN)));
    }

    @Test
    void describesEveryCommandRouteWithItsAnswers() throws Exception {
        JsonNode document = JSON.readTree(httpGet(null, "/v3/api-docs").body());

        assertThat(document.path("paths").propertyNames()).contains("/api/appointment-requests",
                "/api/appointments/{appointmentId}/reschedule", "/api/appointments/{appointmentId}/cancel",
                "/api/appointments/{appointmentId}/confirm", "/api/appointments/{appointmentId}/decline",
                "/api/appointments/{appointmentId}/complete", "/api/appointments/{appointmentId}/no-show",
                "/api/patients/me");
        JsonNode cancel = document.path("paths").path("/api/appointments/{appointmentId}/cancel").path("post");
        assertThat(cancel.path("responses").propertyNames()).contains("200", "202", "404", "409", "422");
        assertThat(cancel.path("parameters").toString()).contains("Idempotency-Key", "Prefer").doesNotContain("caller");
        assertThat(document.toString()).contains("ILLEGAL_TRANSITION", "bearer");
    }

    @Test
    void servesSwaggerUi() throws Exception {
        HttpResponse<String> page = httpGet(null, "/swagger-ui/index.html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    /** The server entry names the port the test happened to get. */
    private static JsonNode withoutServers(JsonNode document) {
        ((ObjectNode) document).remove("servers");
        return document;
    }

}
