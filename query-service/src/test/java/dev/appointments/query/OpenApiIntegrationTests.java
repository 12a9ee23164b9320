package dev.appointments.query;

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
 * The query-service publishes its OpenAPI document and Swagger UI, and the document is
 * checked in ({@code docs/openapi.json}): a change to the API that is not also a change
 * to the checked-in document fails here. After an intended change, run this test with
 * {@code -Dopenapi.write=true} to write the new document, and review it.
 */
class OpenApiIntegrationTests extends QueryServiceIntegrationTest {

    private static final Path CHECKED_IN = Path.of("docs", "openapi.json");

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void servesTheCheckedInDocument() throws Exception {
        HttpResponse<String> response = getAs(null, "/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode served = PRETTY.readTree(response.body());
        // The server entry names the port the test happened to get.
        ((ObjectNode) served).remove("servers");
        String pretty = PRETTY.writeValueAsString(served) + "\n";
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
            .isEqualTo(PRETTY.readTree(Files.readString(CHECKED_IN)));
    }

    @Test
    void describesAppointmentsInTheProducersWords() throws Exception {
        JsonNode document = PRETTY.readTree(get("/v3/api-docs").body());

        JsonNode appointment = document.path("components").path("schemas").path("AppointmentView").path("properties");
        assertThat(appointment.propertyNames())
            .contains("appointmentId", "providerId", "patientId", "appointmentDate", "startTime", "endTime", "timeZone",
                    "startsAt", "endsAt", "durationMinutes", "notes", "status", "reason", "createdAt", "updatedAt",
                    "version", "history")
            .doesNotContain("id", "localDate", "localStartTime");
    }

    @Test
    void publishesTheOpenApiDocumentWithEveryEndpointAndExamples() {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json(response).path("paths");
        assertThat(paths.propertyNames()).contains("/api/appointments/{id}", "/api/appointments",
                "/api/appointment-requests/{requestId}", "/api/patients/{id}", "/api/patients", "/api/providers/{id}",
                "/api/providers/{id}/slots", "/fhir/Appointment/{id}", "/fhir/Appointment", "/fhir/Slot");
        assertThat(response.body()).contains("examples").contains("SLOT_UNAVAILABLE");
    }

    @Test
    void servesSwaggerUi() {
        HttpResponse<String> page = get("/swagger-ui/index.html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);
    }

}
