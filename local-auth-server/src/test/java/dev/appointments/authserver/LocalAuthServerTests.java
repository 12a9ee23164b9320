package dev.appointments.authserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LocalAuthServerTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalAuthServer server;

    private static JwtDecoder decoder;

    @BeforeAll
    static void start() {
        server = LocalAuthServer.start(0);
        // Discovery, JWKS and issuer validation exactly as a resource server does it.
        decoder = JwtDecoders.fromIssuerLocation(server.issuerUri().toString());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listensOnLoopbackWithTheIssuerNamingItsPort() {
        assertThat(server.port()).isPositive();
        assertThat(server.issuerUri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
        assertThat(server.tokenUri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/oauth2/token"));
    }

    @Test
    void publishesTheOpenIdDiscoveryDocument() throws Exception {
        JsonNode discovery = getJson(server.issuerUri().resolve("/.well-known/openid-configuration"));

        assertThat(discovery.get("issuer").asString()).isEqualTo(server.issuerUri().toString());
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(server.tokenUri().toString());
        assertThat(discovery.get("jwks_uri").asString()).endsWith("/oauth2/jwks");
        assertThat(discovery.get("grant_types_supported").toString()).contains("client_credentials",
                "authorization_code");
        assertThat(getJson(URI.create(discovery.get("jwks_uri").asString())).get("keys")).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({ "demo-scheduler, scheduler", "demo-provider, provider", "demo-admin, admin", "demo-ops, ops" })
    void issuesEachDemoClientATokenWithItsRole(String clientId, String role) {
        Jwt token = decoder.decode(server.clientCredentialsToken(clientId, LocalAuthServer.DEMO_SECRET));

        assertThat(token.getSubject()).isEqualTo(clientId);
        assertThat(token.getClaimAsStringList("roles")).containsExactly(role);
        assertThat(token.hasClaim("patient_id")).isFalse();
    }

    @Test
    void givesTheDemoProviderItsProviderIds() {
        Jwt token = decoder.decode(server.clientCredentialsToken("demo-provider", LocalAuthServer.DEMO_SECRET));

        assertThat(token.getClaimAsStringList("provider_id")).containsExactly("demo-auto", "demo-manual");
    }

    @Test
    void refusesAWrongSecret() {
        assertThatIllegalStateException().isThrownBy(() -> server.clientCredentialsToken("demo-scheduler", "guess"))
            .withMessageContaining("401");
    }

    @Test
    void staticHelperGetsTokensFromAnyIssuer() {
        String token = LocalAuthServer.clientCredentialsToken(server.issuerUri(), "demo-ops",
                LocalAuthServer.DEMO_SECRET);

        assertThat(decoder.decode(token).getClaimAsStringList("roles")).containsExactly("ops");
    }

    @Test
    void signsTheDemoPatientInThroughTheAuthorizationCodeFlowWithPkce() {
        Jwt token = decoder.decode(server.userToken("ada", "demo-password"));

        assertThat(token.getSubject()).isEqualTo("ada");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("patient");
        assertThat(token.getClaimAsString("patient_id")).isEqualTo("demo-patient-ada");
    }

    @Test
    void refusesAWrongPassword() {
        assertThatIllegalStateException().isThrownBy(() -> server.userToken("ada", "guess"));
    }

    @Test
    void givesAPatientAddedAtRunTimeAToken() {
        server.addPatientUser("grace", "another-password", "patient-42");

        Jwt token = decoder.decode(server.userToken("grace", "another-password"));

        assertThat(token.getClaimAsString("patient_id")).isEqualTo("patient-42");
    }

    @Test
    void aNewUserSignsUpAndGetsAPatientIdOfItsOwn() {
        String username = "new-" + java.util.UUID.randomUUID().toString().substring(0, 8);

        String patientId = server.signUp(username, "long-enough-password");
        Jwt token = decoder.decode(server.userToken(username, "long-enough-password"));

        assertThat(patientId).startsWith("patient-");
        assertThat(token.getSubject()).isEqualTo(username);
        assertThat(token.getClaimAsStringList("roles")).containsExactly("patient");
        assertThat(token.getClaimAsString("patient_id")).isEqualTo(patientId);
    }

    @Test
    void refusesATakenNameAndAShortPassword() {
        assertThatIllegalStateException().isThrownBy(() -> server.signUp("ada", "long-enough-password"))
            .withMessageContaining("409");
        assertThatIllegalStateException().isThrownBy(() -> server.signUp("someone-new", "short"))
            .withMessageContaining("400");
        assertThat(server.userToken("ada", "demo-password")).isNotBlank();
    }

    @Test
    void theLoginPageOffersToSignUp() throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(server.issuerUri().resolve("/login")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"", "href=\"/signup\"");
    }

    @Test
    void signsTheDemoProviderUserInWithItsProviderIds() {
        Jwt token = decoder.decode(server.userToken("grey", "demo-password"));

        assertThat(token.getClaimAsStringList("roles")).containsExactly("provider");
        assertThat(token.getClaimAsStringList("provider_id")).containsExactly("demo-auto", "demo-manual");
        assertThat(token.hasClaim("patient_id")).isFalse();
    }

    @Test
    void issuesTestTokensForAnyPatientOrProvider() {
        Jwt patient = decoder.decode(server.patientToken("p-1"));
        Jwt again = decoder.decode(server.patientToken("p-1"));
        Jwt provider = decoder.decode(server.providerToken("dr-grey", "dr-who"));
        Jwt custom = decoder.decode(server.testClientToken("tool", List.of("scheduler", "ops"), null, List.of()));

        assertThat(patient.getClaimAsStringList("roles")).containsExactly("patient");
        assertThat(patient.getClaimAsString("patient_id")).isEqualTo("p-1");
        assertThat(again.getClaimAsString("patient_id")).isEqualTo("p-1");
        assertThat(provider.getClaimAsStringList("roles")).containsExactly("provider");
        assertThat(provider.getClaimAsStringList("provider_id")).containsExactly("dr-grey", "dr-who");
        assertThat(custom.getClaimAsStringList("roles")).containsExactly("scheduler", "ops");
    }

    @Test
    void letsThePatientPageOriginCallTheTokenEndpointButNoOtherOrigin() throws Exception {
        assertThat(preflight("http://127.0.0.1:8080").headers().firstValue("Access-Control-Allow-Origin"))
            .hasValue("http://127.0.0.1:8080");
        HttpResponse<String> refused = preflight("https://evil.example");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static HttpResponse<String> preflight(String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.tokenUri())
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode getJson(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

}
