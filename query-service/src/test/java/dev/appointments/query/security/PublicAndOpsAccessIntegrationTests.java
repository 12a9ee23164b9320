package dev.appointments.query.security;

import java.time.LocalTime;

import dev.appointments.query.QueryServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static dev.appointments.query.security.AccessAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What needs no token (the API description, health), what any token reads (providers and
 * their free slots), and what only ops may call (the ops API and dashboard, the other
 * actuator endpoints).
 */
class PublicAndOpsAccessIntegrationTests extends QueryServiceIntegrationTest {

    @Test
    void theApiDescriptionAndHealthNeedNoToken() {
        var apiDocs = getAs(null, "/v3/api-docs");

        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(json(apiDocs).path("components").path("securitySchemes").path("bearer").path("scheme").asString())
            .isEqualTo("bearer");
        assertThat(apiDocs.body()).doesNotContain("\"caller\"");
        assertThat(getAs(null, "/swagger-ui/index.html").statusCode()).isEqualTo(200);
        assertThat(getAs(null, "/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void providersAndFreeSlotsAreReadWithAnyToken() {
        String providerId = newProvider();
        book(providerId, newPatient().patientId(), TUESDAY, LocalTime.of(9, 0));
        String slots = "/api/providers/" + providerId + "/slots?date=" + TUESDAY;
        String fhirSlots = "/fhir/Slot?schedule=Schedule/" + providerId + "&start=" + TUESDAY;

        assertRefused(getAs(null, slots), 401);
        assertRefused(getAs(null, "/api/providers/" + providerId), 401);
        for (String token : new String[] { patientToken("p-" + providerId), providerToken("someone-else"),
                demoClientToken("demo-admin"), demoClientToken("demo-scheduler") }) {
            assertThat(getAs(token, slots).statusCode()).isEqualTo(200);
            assertThat(getAs(token, "/api/providers/" + providerId).statusCode()).isEqualTo(200);
        }
        assertThat(getAs(patientToken("p-" + providerId), fhirSlots).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpsApiDashboardAndActuatorNeedTheOpsRole() {
        for (String path : new String[] { "/api/ops/queues", "/ops/", "/actuator/metrics" }) {
            assertRefused(getAs(null, path), 401);
            assertRefused(getAs(demoClientToken("demo-scheduler"), path), 403);
            assertRefused(getAs(patientToken("p-ops"), path), 403);
            assertThat(getAs(demoClientToken("demo-ops"), path).statusCode()).as(path).isNotIn(401, 403);
        }
        assertThat(getAs(demoClientToken("demo-ops"), "/actuator/metrics").statusCode()).isEqualTo(200);
    }

}
