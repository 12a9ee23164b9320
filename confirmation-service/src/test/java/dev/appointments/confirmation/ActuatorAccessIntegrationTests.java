package dev.appointments.confirmation;

import java.util.List;

import dev.appointments.authserver.LocalAuthServer;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The service serves actuator only: health is open, every other endpoint needs a token
 * with the ops role from the configured issuer. Requests go through the service's own
 * security filters (in the shared test context, so no second consumer starts).
 */
class ActuatorAccessIntegrationTests extends ConfirmationServiceIntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter securityFilters;

    MockMvc mvc;

    @BeforeEach
    void throughTheSecurityFilters() {
        mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(securityFilters).build();
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    @Test
    void theOtherEndpointsNeedTheOpsRole() throws Exception {
        LocalAuthServer auth = LocalAuthServer.shared();
        String ops = auth.clientCredentialsToken("demo-ops", LocalAuthServer.DEMO_SECRET);
        String scheduler = auth.clientCredentialsToken("demo-scheduler", LocalAuthServer.DEMO_SECRET);

        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info")) {
            mvc.perform(get(path))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")));
            mvc.perform(get(path).header("Authorization", "Bearer " + scheduler)).andExpect(status().isForbidden());
            mvc.perform(get(path).header("Authorization", "Bearer " + ops)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/anything").header("Authorization", "Bearer " + scheduler))
            .andExpect(status().isNotFound());
    }

}
