package dev.appointments.engines;

import java.nio.file.Path;

/**
 * Where the embedded engines listen, where they keep their data, and how queues
 * dead-letter.
 *
 * @param sqsPort ElasticMQ's port, 0 for any free port
 * @param dynamoDbPort the DynamoDB engine's port, 0 for any free port
 * @param maxReceiveCount receives before a message moves to its dead-letter queue
 * @param dataDirectory where the engines keep tables, items and queued messages across
 * restarts; {@code null} keeps everything in memory (tests)
 */
public record EngineSettings(int sqsPort, int dynamoDbPort, int maxReceiveCount, Path dataDirectory) {

    public static final int DEFAULT_SQS_PORT = 9324;

    public static final int DEFAULT_DYNAMODB_PORT = 8000;

    public static final Path DEFAULT_DATA_DIRECTORY = Path.of(".local-data");

    /**
     * The local run's settings: the well-known ports, overridable by SQS_PORT,
     * DYNAMODB_PORT and MAX_RECEIVE_COUNT, and the data in {@code ./.local-data},
     * overridable by LOCAL_DATA_DIR ({@code memory} keeps nothing).
     */
    public static EngineSettings fromEnvironment() {
        String data = System.getenv("LOCAL_DATA_DIR");
        Path dataDirectory = data == null || data.isBlank() ? DEFAULT_DATA_DIRECTORY
                : data.trim().equals("memory") ? null : Path.of(data.trim());
        return new EngineSettings(intFromEnvironment("SQS_PORT", DEFAULT_SQS_PORT),
                intFromEnvironment("DYNAMODB_PORT", DEFAULT_DYNAMODB_PORT),
                intFromEnvironment("MAX_RECEIVE_COUNT", dev.appointments.resources.Queues.DEFAULT_MAX_RECEIVE_COUNT),
                dataDirectory);
    }

    /**
     * Free ports and nothing kept, for tests that must not collide with a local run on
     * the same machine.
     */
    public static EngineSettings anyFreePorts() {
        return new EngineSettings(0, 0, dev.appointments.resources.Queues.DEFAULT_MAX_RECEIVE_COUNT, null);
    }

    /** These settings with the data kept in the given directory. */
    public EngineSettings withDataDirectory(Path directory) {
        return new EngineSettings(sqsPort, dynamoDbPort, maxReceiveCount, directory);
    }

    private static int intFromEnvironment(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
