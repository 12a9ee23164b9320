package dev.appointments.security;

import dev.appointments.authserver.LocalAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Services' {@code @WebMvcTest} slices get the same security as the running service, with
 * real tokens.
 */
@WebMvcTest(controllers = SecurityTestApplication.TestController.class)
@Import(SecurityTestApplication.class)
class ApiSecurityWebMvcSliceTests {

    private static LocalAuthServer authServer;

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        authServer = LocalAuthServer.start(0);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> authServer.issuerUri().toString());
    }

    @AfterAll
    static void stopAuthServer() {
        authServer.close();
    }

    @Test
    void appliesTheRoleRulesInASlice() throws Exception {
        mvc.perform(get("/api/providers")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/providers").header("Authorization", "Bearer " + token("demo-ops")))
            .andExpect(status().isForbidden());
        mvc.perform(get("/api/providers").header("Authorization", "Bearer " + token("demo-admin")))
            .andExpect(status().isOk());
    }

    @Test
    void answersObjectLevelRefusalsWith404InASlice() throws Exception {
        mvc.perform(get("/api/appointments/a-1").header("Authorization", "Bearer " + authServer.patientToken("p-2")))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/appointments/a-1").header("Authorization", "Bearer " + authServer.patientToken("p-1")))
            .andExpect(status().isOk());
    }

    private static String token(String demoClient) {
        return authServer.clientCredentialsToken(demoClient, LocalAuthServer.DEMO_SECRET);
    }

}
