package dev.appointments.dynamodb;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How an engine is started.
 *
 * @param host the address to listen on; loopback unless the engine runs in a container
 * @param port the port, or 0 for any free one
 * @param dataDirectory where the data is kept across restarts, or {@code null} to keep it
 * in memory only
 * @param ttlSweepInterval how often items whose time to live has passed are deleted
 */
public record EngineOptions(String host, int port, Path dataDirectory, Duration ttlSweepInterval) {

    public static final Duration DEFAULT_TTL_SWEEP_INTERVAL = Duration.ofSeconds(30);

    /** In memory, on loopback, on any free port: for tests. */
    public static EngineOptions inMemory() {
        return new EngineOptions("127.0.0.1", 0, null, DEFAULT_TTL_SWEEP_INTERVAL);
    }

    /** Durable in the given directory, on loopback. */
    public static EngineOptions durable(int port, Path dataDirectory) {
        return new EngineOptions("127.0.0.1", port, dataDirectory, DEFAULT_TTL_SWEEP_INTERVAL);
    }

    public EngineOptions withPort(int port) {
        return new EngineOptions(host, port, dataDirectory, ttlSweepInterval);
    }

    public EngineOptions withTtlSweepInterval(Duration interval) {
        return new EngineOptions(host, port, dataDirectory, interval);
    }
}
