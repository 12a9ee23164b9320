package dev.appointments.dynamodb;

import java.net.URI;
import java.time.Clock;

import dev.appointments.dynamodb.operations.Operations;
import dev.appointments.dynamodb.server.HttpEndpoint;
import dev.appointments.dynamodb.storage.Database;
import dev.appointments.dynamodb.storage.TimeToLiveSweeper;

/**
 * A DynamoDB-compatible engine serving the DynamoDB JSON 1.0 protocol over HTTP, so that
 * the AWS SDKs and CLI talk to it unchanged, with any credentials and any region (one
 * database). With a data directory, every acknowledged write survives a crash of the
 * process.
 */
public final class DynamoDbEngine implements AutoCloseable {

    private final Database database;

    private final HttpEndpoint endpoint;

    private final TimeToLiveSweeper sweeper;

    private final String host;

    private final int port;

    private DynamoDbEngine(Database database, HttpEndpoint endpoint, TimeToLiveSweeper sweeper, String host) {
        this.database = database;
        this.endpoint = endpoint;
        this.sweeper = sweeper;
        this.host = host;
        this.port = endpoint.port();
    }

    public static DynamoDbEngine start(EngineOptions options) {
        Database database = options.dataDirectory() == null ? Database.inMemory()
                : Database.open(options.dataDirectory());
        try {
            HttpEndpoint endpoint = HttpEndpoint.start(new Operations(database), options.host(), options.port());
            TimeToLiveSweeper sweeper = new TimeToLiveSweeper(database, Clock.systemUTC());
            sweeper.start(options.ttlSweepInterval());
            return new DynamoDbEngine(database, endpoint, sweeper, options.host());
        }
        catch (RuntimeException ex) {
            database.close();
            throw ex;
        }
    }

    /** Where clients send their requests, e.g. {@code http://127.0.0.1:8000}. */
    public URI endpoint() {
        String address = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return URI.create("http://" + address + ":" + port);
    }

    public int port() {
        return port;
    }

    /** Refuses connections from now on, as in an outage; the data stays. */
    public void disconnect() {
        endpoint.stop();
    }

    /** Accepts connections again on the same port after {@link #disconnect()}. */
    public void reconnect() {
        endpoint.restart(port);
    }

    /**
     * Deletes the items whose time to live has passed now, rather than at the next sweep.
     */
    public int sweepExpiredItems() {
        return sweeper.sweep();
    }

    @Override
    public void close() {
        sweeper.close();
        endpoint.stop();
        database.close();
    }

}
