package dev.appointments.query.patientpage;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the patient page ({@code appointments.patient-page.*}); the defaults are
 * those of the local run. {@code query-service.yml} derives the sign-in endpoints from
 * the token issuer, and builds the page's content security policy from the token endpoint
 * and the request-service URL, so these are the only places to change.
 *
 * @param authorizationEndpoint where the browser is sent to sign in (authorization code
 * with PKCE)
 * @param tokenEndpoint where the page exchanges the code for a token, from the browser
 * (the issuer must allow the page's origin by CORS)
 * @param clientId the public client of the page at the issuer
 * @param scope the scopes asked for
 * @param redirectUri where the issuer sends the browser back; absent: the page's own
 * address
 * @param requestServiceUrl the request-service's base URL, without a trailing slash: the
 * page books at {@code <requestServiceUrl>/api/appointment-requests}, which must allow
 * the page's origin by CORS
 * @param providers provider ids offered in the page's picker (any other can be typed in)
 */
@ConfigurationProperties("appointments.patient-page")
record PatientPageProperties(@DefaultValue("http://127.0.0.1:9000/oauth2/authorize") URI authorizationEndpoint,
        @DefaultValue("http://127.0.0.1:9000/oauth2/token") URI tokenEndpoint,
        @DefaultValue("patient-web") String clientId, @DefaultValue("openid") String scope, URI redirectUri,
        @DefaultValue("http://127.0.0.1:8081") URI requestServiceUrl, @DefaultValue( {
                "demo-auto", "demo-manual" }) List<String> providers){

    PatientPageProperties {
        providers = providers == null ? List.of() : List.copyOf(providers);
    }
}
