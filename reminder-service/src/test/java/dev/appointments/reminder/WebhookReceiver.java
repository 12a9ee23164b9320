package dev.appointments.reminder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A provider's webhook endpoint on loopback that records every POST. Under
 * {@code /webhook-ok} it answers 200, under {@code /webhook-flaky} 503 for the first
 * three attempts at each notification and then 200, under {@code /webhook-down} always
 * 500.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One POST as received, and what it was answered. */
    record Received(String path, String notificationId, String signature, byte[] body, int answered) {
    }

    private final HttpServer server;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final Map<String, AtomicInteger> flakyAttempts = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    URI url(String provider) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + provider);
    }

    /** Every POST for this notification, in arrival order. */
    List<Received> receivedFor(String notificationId) {
        return received.stream().filter(request -> notificationId.equals(request.notificationId())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String notificationId = exchange.getRequestHeaders().getFirst("X-Notification-Id");
            String path = exchange.getRequestURI().getPath();
            int status = switch (path) {
                case "/" + TestEnvironment.WEBHOOK_FLAKY ->
                    flakyAttempts.computeIfAbsent(String.valueOf(notificationId), id -> new AtomicInteger())
                        .incrementAndGet() <= 3 ? 503 : 200;
                case "/" + TestEnvironment.WEBHOOK_DOWN -> 500;
                default -> 200;
            };
            received.add(new Received(path, notificationId, exchange.getRequestHeaders().getFirst("X-Signature-SHA256"),
                    body, status));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
