package dev.appointments.dynamodb;

import java.net.URI;

/**
 * A DynamoDB-compatible engine serving the DynamoDB JSON 1.0 protocol over HTTP, so that the AWS SDKs and CLI talk
 * to it unchanged, with any credentials and any region (one database).
 */
public final class DynamoDbEngine implements AutoCloseable {

    private DynamoDbEngine() {
    }

    public static DynamoDbEngine start(EngineOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Where clients send their requests, e.g. {@code http://127.0.0.1:8000}. */
    public URI endpoint() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Refuses connections from now on, as in an outage; the data stays. */
    public void disconnect() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Accepts connections again on the same port after {@link #disconnect()}. */
    public void reconnect() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet");
    }
}
