package dev.appointments.dynamodb.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.appointments.dynamodb.operations.Operations;
import dev.appointments.dynamodb.value.DynamoDbError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DynamoDB JSON 1.0 protocol over HTTP: {@code POST /} with the operation in
 * {@code X-Amz-Target}, answered with the JSON body, {@code x-amz-crc32} and
 * {@code x-amzn-RequestId} that the AWS SDKs read, and errors carrying the {@code __type}
 * that tells an SDK which exception to throw and whether to retry. Signatures are not
 * checked: any credentials and any region reach the one database.
 */
public final class HttpEndpoint {

    static {
        // Small request-response exchanges: without this, Nagle's algorithm adds tens of
        // milliseconds.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String TARGET_PREFIX = "DynamoDB_20120810.";

    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private static final int THREADS = 64;

    private final Operations operations;

    private final InetSocketAddress address;

    private HttpServer server;

    private ExecutorService executor;

    private HttpEndpoint(Operations operations, InetSocketAddress address) {
        this.operations = operations;
        this.address = address;
    }

    /** Starts listening; port 0 picks a free port, kept for later reconnects. */
    public static HttpEndpoint start(Operations operations, String host, int port) {
        HttpEndpoint endpoint = new HttpEndpoint(operations, new InetSocketAddress(host, port));
        return endpoint.listen(endpoint.address);
    }

    public synchronized int port() {
        return server.getAddress().getPort();
    }

    /**
     * Closes the listening socket and every connection: clients see refused connections.
     */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Listens again on the port it had. */
    public synchronized void restart(int port) {
        if (server == null) {
            listen(new InetSocketAddress(address.getHostString(), port));
        }
    }

    private synchronized HttpEndpoint listen(InetSocketAddress at) {
        try {
            server = HttpServer.create(at, 256);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot listen on " + at, ex);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-engine-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] requestBytes = body.readAllBytes();
            if (!exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 200, "healthy: dynamodb-engine".getBytes(StandardCharsets.UTF_8), "text/plain");
                return;
            }
            int status = 200;
            ObjectNode response;
            try {
                response = operations.execute(operation(exchange), parse(requestBytes));
            }
            catch (DynamoDbError error) {
                status = error.status();
                response = ErrorBodies.of(error);
            }
            catch (RuntimeException ex) {
                log.error("Request failed inside the engine", ex);
                status = 500;
                response = ErrorBodies.of(DynamoDbError.internal("Internal server error"));
            }
            respond(exchange, status, JSON.writeValueAsBytes(response), CONTENT_TYPE);
        }
    }

    private static String operation(HttpExchange exchange) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new DynamoDbError("UnknownOperationException", 400, "Missing or unknown X-Amz-Target: " + target);
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        }
        catch (JacksonException ex) {
            throw new DynamoDbError("SerializationException", 400,
                    "Start of structure or map found where not " + "expected, or the request body is not JSON");
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(body);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("x-amz-crc32", Long.toString(crc.getValue()));
        headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

}
