package dev.appointments.faults.drive;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.node.ObjectNode;

/**
 * Mutated HTTP requests for the request-service's intake and admin API and the
 * query-service's read API: junk in paths, query parameters, bodies, content types,
 * headers and methods, with good, missing or forged tokens.
 */
public final class HttpFuzz {

    private static final List<String> JUNK = List.of("", " ", "..", "../../etc/passwd", "%", "' OR 1=1 --", "ü🙂",
            "x".repeat(3000), "-1", "0", "99999999999999999999", "null", "2026-02-30", "ge2026-12-01",
            "2026-12-01T25:00", "a,b,c", "<b>", "${7*7}", "\u202E", "REQUESTED", "tomorrow", "NaN", "1e9");

    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain", "application/xml",
            "application/json; charset=latin1", "multipart/form-data", "application/x-www-form-urlencoded");

    private final Random random;

    private final URI requestService;

    private final URI queryService;

    private final Api api;

    private final ObjectNode booking;

    public HttpFuzz(Random random, URI requestService, URI queryService, Api api, ObjectNode booking) {
        this.random = random;
        this.requestService = requestService;
        this.queryService = queryService;
        this.api = api;
        this.booking = booking;
    }

    /** The next mutated request, and a short description of what it is. */
    public Request next() {
        int kind = random.nextInt(6);
        return switch (kind) {
            case 0, 1 -> intake();
            case 2 -> providerUpdate();
            case 3 -> read();
            case 4 -> wrongMethod();
            default -> badToken();
        };
    }

    private Request intake() {
        String body = random.nextInt(5) == 0 ? junk() : Mutations.mutate(booking, random).body();
        HttpRequest.Builder request = HttpRequest.newBuilder(requestService.resolve("/api/appointment-requests"))
            .header("Authorization", "Bearer " + api.token("demo-scheduler"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
        StringBuilder detail = new StringBuilder();
        if (random.nextInt(4) > 0) {
            String type = pick(CONTENT_TYPES);
            request.header("Content-Type", type);
            detail.append("Content-Type: ").append(type).append("; ");
        }
        if (random.nextInt(3) == 0) {
            String prefer = pick(
                    List.of("wait=abc", "wait=99999", "wait=-1", "wait=1", "respond-async", "wait=" + "9".repeat(40)));
            request.header("Prefer", prefer);
            detail.append("Prefer: ").append(prefer).append("; ");
        }
        if (random.nextInt(3) == 0) {
            String key = pick(List.of("", "has space", "k".repeat(300), "ok-key-1"));
            request.header("Idempotency-Key", key);
            detail.append("Idempotency-Key: ").append(abbreviate(key)).append("; ");
        }
        return new Request("POST /api/appointment-requests",
                detail.append("body: ").append(abbreviate(body)).toString(), request);
    }

    private Request providerUpdate() {
        String id = random.nextBoolean() ? "fuzz-provider-" + random.nextInt(50) : encode(junk());
        String body = random.nextInt(4) == 0 ? junk() : """
                {"name": %s, "timeZone": %s, "weeklyHours": {%s: [{"start": %s, "end": %s}]}, "slotMinutes": %s,
                 "minimumNotice": %s, "maximumAdvance": %s, "bufferMinutes": %s, "confirmationTimeout": %s}"""
            .formatted(quoted(pick(List.of("Clinic", "", "x".repeat(500)))),
                    quoted(pick(List.of("UTC", "Mars/Olympus", "", "America/New_York"))),
                    quoted(pick(List.of("MONDAY", "FUNDAY", "monday", ""))),
                    quoted(pick(List.of("09:00", "25:00", "9", ""))), quoted(pick(List.of("17:00", "08:00", "x"))),
                    pick(List.of("15", "0", "-5", "7", "\"15\"", "1.5", "null")),
                    quoted(pick(List.of("PT24H", "P-1D", "forever", "PT0S"))),
                    quoted(pick(List.of("P90D", "PT1M", "P9999999D"))), pick(List.of("0", "-1", "99999", "[]")),
                    quoted(pick(List.of("PT15M", "PT0S", "P1Y"))));
        HttpRequest.Builder request = HttpRequest.newBuilder(requestService.resolve("/api/providers/" + id))
            .header("Authorization", "Bearer " + api.token("demo-admin"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (random.nextBoolean()) {
            request.header("If-Match", pick(List.of("\"1\"", "*", "junk", "\"999\"")));
        }
        return new Request("PUT /api/providers/{id}", "/api/providers/" + abbreviate(id) + " body: " + abbreviate(body),
                request);
    }

    private Request read() {
        String path = switch (random.nextInt(9)) {
            case 0 -> "/api/appointments/" + encode(junk());
            case 1 -> "/api/appointments?" + param("providerId") + "&" + param("status") + "&" + param("from") + "&"
                    + param("to") + "&" + param("limit") + "&" + param("cursor");
            case 2 -> "/api/appointment-requests/" + encode(junk());
            case 3 -> "/api/patients?" + param("email");
            case 4 -> "/api/patients/" + encode(junk());
            case 5 -> "/api/providers/" + encode(junk()) + "/slots?" + param("date");
            case 6 -> "/fhir/Appointment?" + param("patient") + "&" + param("date") + "&" + param("_count");
            case 7 -> "/fhir/Appointment/" + encode(junk());
            default -> "/api/ops/dlq/" + encode(junk()) + "/messages?" + param("limit");
        };
        String client = path.startsWith("/api/ops") ? "demo-ops" : "demo-scheduler";
        return new Request("GET " + path.replaceAll("^(/[a-zA-Z]+/[a-zA-Z-]+).*", "$1"), "GET " + abbreviate(path),
                HttpRequest.newBuilder(queryService.resolve(path))
                    .header("Authorization", "Bearer " + api.token(client))
                    .GET());
    }

    private Request wrongMethod() {
        URI target = random.nextBoolean() ? requestService.resolve("/api/appointment-requests")
                : queryService.resolve("/api/appointments/" + encode(junk()));
        String method = pick(List.of("DELETE", "PATCH", "PUT", "OPTIONS", "FOO"));
        return new Request(method + " " + target.getPath().replaceAll("(/api/[a-z-]+).*", "$1"),
                method + " " + abbreviate(target.getRawPath()),
                HttpRequest.newBuilder(target)
                    .header("Authorization", "Bearer " + api.token("demo-scheduler"))
                    .method(method, HttpRequest.BodyPublishers.ofString(junk())));
    }

    private Request badToken() {
        String authorization = pick(List.of("", "Bearer ", "Bearer junk.junk.junk", "Basic ZGVtbzpkZW1v",
                "Bearer " + api.token("demo-scheduler") + "x", "bearer " + api.token("demo-scheduler")));
        URI target = random.nextBoolean() ? requestService.resolve("/api/appointment-requests")
                : queryService.resolve("/api/appointments?providerId=x");
        HttpRequest.Builder request = HttpRequest.newBuilder(target);
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        String label = "token " + (authorization.length() > 12 ? authorization.substring(0, 12) : authorization);
        return new Request(label, label + "... to " + target.getPath(),
                target.getPath().equals("/api/appointment-requests")
                        ? request.header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(booking.toString()))
                        : request.GET());
    }

    private String param(String name) {
        return random.nextInt(3) == 0 ? name + "=" : name + "=" + encode(junk());
    }

    private String junk() {
        return pick(JUNK);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A request to send.
     *
     * @param label what it targets, for the report
     * @param detail what is odd about it: content type, headers, the start of its body
     * @param builder the request
     */
    public record Request(String label, String detail, HttpRequest.Builder builder) {
    }

}
