package dev.appointments.authserver;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to a token endpoint with the JDK's HTTP client, so tests and tools need no OAuth2
 * client library.
 */
final class TokenRequests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI tokenEndpoint;

    private final HttpClient http;

    TokenRequests(URI issuer) {
        this(issuer, HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    TokenRequests(URI issuer, HttpClient http) {
        this.tokenEndpoint = URI.create(stripTrailingSlash(issuer.toString()) + "/oauth2/token");
        this.http = http;
    }

    String clientCredentials(String clientId, String secret) {
        String basic = Base64.getEncoder()
            .encodeToString((urlEncode(clientId) + ":" + urlEncode(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
            .timeout(TIMEOUT)
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
        return accessToken(request, clientId);
    }

    /**
     * Exchanges an authorization code of a public client, proving possession of the PKCE
     * verifier.
     */
    String authorizationCode(String clientId, String code, URI redirectUri, String codeVerifier) {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                    "redirect_uri", redirectUri.toString(), "client_id", clientId, "code_verifier", codeVerifier))))
            .build();
        return accessToken(request, clientId);
    }

    private String accessToken(HttpRequest request, String clientId) {
        HttpResponse<String> response = send(http, request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request for client %s answered %d: %s".formatted(clientId,
                    response.statusCode(), response.body()));
        }
        JsonNode body = JsonMapper.shared().readTree(response.body());
        return body.required("access_token").asString();
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), ex);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet()
            .stream()
            .map(field -> urlEncode(field.getKey()) + "=" + urlEncode(field.getValue()))
            .collect(Collectors.joining("&"));
    }

    /**
     * RFC 6749 2.3.1: client id and secret are form-encoded before they go into the Basic
     * header.
     */
    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

}
