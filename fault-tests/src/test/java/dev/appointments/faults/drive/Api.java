package dev.appointments.faults.drive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The HTTP APIs as a client calls them, with tokens of the local authorization server's
 * demo clients ({@code demo-scheduler}, {@code demo-admin}, {@code demo-ops}), fetched
 * once and kept.
 */
public final class Api {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Function<String, String> tokens;

    private final Map<String, String> cached = new ConcurrentHashMap<>();

    /**
     * @param tokens a token for a client id
     */
    public Api(Function<String, String> tokens) {
        this.tokens = tokens;
    }

    public String token(String clientId) {
        return cached.computeIfAbsent(clientId, tokens);
    }

    public HttpResponse<String> get(URI uri, String clientId) {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token(clientId)).GET());
    }

    public HttpResponse<String> put(URI uri, String clientId, String json) {
        return send(HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + token(clientId))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> post(URI uri, String clientId, String json) {
        return send(HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + token(clientId))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Sends a request as given, with a timeout; a connection that fails is an exception.
     */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("HTTP call failed: " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

}
