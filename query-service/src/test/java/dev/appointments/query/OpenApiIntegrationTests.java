package dev.appointments.query;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiIntegrationTests extends QueryServiceIntegrationTest {

    @Test
    void publishesTheOpenApiDocumentWithEveryEndpointAndExamples() {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json(response).path("paths");
        assertThat(paths.propertyNames()).contains("/api/appointments/{id}", "/api/appointments",
                "/api/appointment-requests/{requestId}", "/api/patients/{id}", "/api/patients",
                "/api/providers/{id}", "/api/providers/{id}/slots", "/fhir/Appointment/{id}", "/fhir/Appointment", "/fhir/Slot");
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
