package dev.appointments.query.patientpage;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.query.QueryServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient and provider pages are served without a token, with their settings, and
 * under a content security policy that lets their scripts call exactly the token endpoint
 * and the request-service's API besides this service.
 */
class PatientPageIntegrationTests extends QueryServiceIntegrationTest {

    @Test
    void thePageItsScriptAndStyleNeedNoToken() {
        var page = getAs(null, "/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script src=\"patient.js\" defer></script>", "id=\"sign-in\"");
        assertThat(getAs(null, "/pages.js").body()).contains("code_challenge_method");
        assertThat(getAs(null, "/index.html").statusCode()).isEqualTo(200);
        assertThat(getAs(null, "/patient.js").body()).contains("/reschedule", "/cancel", "api/patients/me");
        assertThat(getAs(null, "/patient.css").statusCode()).isEqualTo(200);
    }

    @Test
    void theProviderPageIsServedAtItsOwnAddressWithoutToken() {
        var page = getAs(null, "/provider");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"provider.js\" defer></script>", "id=\"holds\"",
                "id=\"calendar\"", "id=\"rules-form\"");
        assertThat(getAs(null, "/provider.js").body()).contains("'confirm'", "'decline'", "'complete'", "'no-show'",
                "If-Match");
    }

    @Test
    void theSettingsFollowTheIssuerAndNameThePublicClient() {
        String issuer = LocalAuthServer.shared().issuerUri().toString();

        var config = getAs(null, "/patient-page/config");

        assertThat(config.statusCode()).isEqualTo(200);
        var settings = json(config);
        assertThat(settings.path("authorizationEndpoint").asString()).isEqualTo(issuer + "/oauth2/authorize");
        assertThat(settings.path("tokenEndpoint").asString()).isEqualTo(issuer + "/oauth2/token");
        assertThat(settings.path("clientId").asString()).isEqualTo("patient-web");
        assertThat(settings.path("scope").asString()).isEqualTo("openid");
        assertThat(settings.path("requestServiceUrl").asString()).isEqualTo("http://127.0.0.1:8081");
        assertThat(settings.path("providers").toString()).isEqualTo("[\"demo-auto\",\"demo-manual\"]");
        assertThat(settings.has("redirectUri")).isFalse();
    }

    @Test
    void thePolicyLetsThePageCallTheTokenEndpointAndTheRequestServicesApiOnly() {
        String issuer = LocalAuthServer.shared().issuerUri().toString();

        var page = getAs(null, "/");

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
            .contains("script-src 'self';", "frame-ancestors 'none'",
                    "connect-src 'self' " + issuer + "/oauth2/token http://127.0.0.1:8081/api/;")
            .doesNotContain("unsafe-inline", "${"));
    }

}
