package dev.appointments.engines;

import java.lang.reflect.Field;
import java.net.URI;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local, in memory, listening on loopback only, with one database whatever the caller's credentials and
 * region ({@code -sharedDb}), so that any client sees the system's tables. Its connector can be closed and opened
 * again on the same port while the data stays, which is how tests simulate a database outage.
 */
final class LocalDynamoDb {

    private final DynamoDBProxyServer server;
    private final ServerConnector connector;
    private final int port;

    private LocalDynamoDb(DynamoDBProxyServer server, ServerConnector connector, int port) {
        this.server = server;
        this.connector = connector;
        this.port = port;
    }

    static LocalDynamoDb start(int port) {
        SqliteNatives.install();
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"});
            // DynamoDB Local has no host option; its one Jetty connector is bound to loopback before start.
            ServerConnector connector = (ServerConnector) jettyServer(server).getConnectors()[0];
            connector.setHost("127.0.0.1");
            server.start();
            return new LocalDynamoDb(server, connector, port);
        }
        catch (Exception ex) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, ex);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Refuses connections from now on; the tables and items stay. */
    void disconnect() {
        try {
            connector.stop();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not close DynamoDB Local's connector", ex);
        }
    }

    /** Accepts connections again on the same port. */
    void reconnect() {
        try {
            connector.start();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not reopen DynamoDB Local's connector", ex);
        }
    }

    void stop() {
        try {
            server.stop();
        }
        catch (Exception ex) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", ex);
        }
    }

    private static Server jettyServer(DynamoDBProxyServer server) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        return (Server) field.get(server);
    }
}
