package dev.appointments.engines;

/**
 * Where the embedded engines listen and how queues dead-letter.
 *
 * @param sqsPort ElasticMQ's port, 0 for any free port
 * @param dynamoDbPort DynamoDB Local's port, 0 for any free port
 * @param maxReceiveCount receives before a message moves to its dead-letter queue
 */
public record EngineSettings(int sqsPort, int dynamoDbPort, int maxReceiveCount) {

    public static final int DEFAULT_SQS_PORT = 9324;
    public static final int DEFAULT_DYNAMODB_PORT = 8000;

    /** The local run's settings: the well-known ports, overridable by SQS_PORT, DYNAMODB_PORT and MAX_RECEIVE_COUNT. */
    public static EngineSettings fromEnvironment() {
        return new EngineSettings(
                intFromEnvironment("SQS_PORT", DEFAULT_SQS_PORT),
                intFromEnvironment("DYNAMODB_PORT", DEFAULT_DYNAMODB_PORT),
                intFromEnvironment("MAX_RECEIVE_COUNT", dev.appointments.resources.Queues.DEFAULT_MAX_RECEIVE_COUNT));
    }

    /** Free ports, for tests that must not collide with a local run on the same machine. */
    public static EngineSettings anyFreePorts() {
        return new EngineSettings(0, 0, dev.appointments.resources.Queues.DEFAULT_MAX_RECEIVE_COUNT);
    }

    private static int intFromEnvironment(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
