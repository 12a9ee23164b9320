package dev.appointments.authserver;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Walks the authorization-code flow with PKCE the way the patient web page's browser
 * does: authorization request, login form (with its CSRF token), redirect carrying the
 * code, token exchange; and the sign-up form.
 */
final class AuthorizationCodeLogin {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");

    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final URI issuer;

    private final String clientId;

    private final URI redirectUri;

    private final HttpClient http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(TIMEOUT)
        .build();

    AuthorizationCodeLogin(URI issuer, String clientId, URI redirectUri) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    String signIn(String username, String password) {
        String verifier = randomUrlSafe();
        String state = UUID.randomUUID().toString();
        URI authorize = UriComponentsBuilder.fromUri(issuer)
            .path("/oauth2/authorize")
            .queryParam("response_type", "code")
            .queryParam("client_id", clientId)
            .queryParam("redirect_uri", redirectUri)
            .queryParam("scope", "openid")
            .queryParam("state", state)
            .queryParam("code_challenge", challenge(verifier))
            .queryParam("code_challenge_method", "S256")
            .encode()
            .build()
            .toUri();

        URI login = redirect(get(authorize), "authorization request");
        String csrf = csrfToken(get(login).body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrf);
        URI afterLogin = redirect(send(HttpRequest.newBuilder(login)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(TokenRequests.form(form)))
            .build()), "login");
        if (afterLogin.getQuery() != null && afterLogin.getQuery().contains("error")) {
            throw new IllegalStateException("The login of the demo user was refused");
        }
        URI callback = redirect(get(afterLogin), "authorization after login");
        Map<String, String> parameters = UriComponentsBuilder.fromUri(callback)
            .build()
            .getQueryParams()
            .toSingleValueMap();
        if (!state.equals(parameters.get("state")) || parameters.get("code") == null) {
            throw new IllegalStateException(
                    "The authorization server answered without a code: " + parameters.get("error"));
        }
        return new TokenRequests(issuer, http).authorizationCode(clientId, parameters.get("code"), redirectUri,
                verifier);
    }

    /**
     * Fills in and posts the sign-up form; the server answers with a redirect to the
     * login page.
     */
    void signUp(String username, String password) {
        URI signUp = issuer.resolve("/signup");
        String csrf = csrfToken(get(signUp).body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrf);
        HttpResponse<String> response = send(HttpRequest.newBuilder(signUp)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(TokenRequests.form(form)))
            .build());
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException("The sign-up was refused (%d)".formatted(response.statusCode()));
        }
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html").GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return TokenRequests.send(http, request);
    }

    private URI redirect(HttpResponse<String> response, String step) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException(
                    "The %s answered %d instead of a redirect".formatted(step, response.statusCode()));
        }
        return response.request().uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static String csrfToken(String loginPage) {
        Matcher input = CSRF_INPUT.matcher(loginPage);
        if (!input.find()) {
            throw new IllegalStateException("The login page has no CSRF token");
        }
        Matcher value = VALUE.matcher(input.group());
        if (!value.find()) {
            throw new IllegalStateException("The login page's CSRF input has no value");
        }
        return value.group(1);
    }

    private static String randomUrlSafe() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
        }
    }

}
