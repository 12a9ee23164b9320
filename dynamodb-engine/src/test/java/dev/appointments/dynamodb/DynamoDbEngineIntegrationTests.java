package dev.appointments.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbEngineIntegrationTests {

    @Test
    void keepsItemsAcrossARestartOnTheSameDirectory(@TempDir Path data) {
        try (DynamoDbEngine engine = DynamoDbEngine.start(EngineOptions.durable(0, data));
                DynamoDbClient client = EngineClients.client(engine.endpoint())) {
            EngineClients.createTable(client, "things");
            client.putItem(put -> put.tableName("things").item(Map.of("id", s("a"), "n", n("1"))));
        }
        try (DynamoDbEngine engine = DynamoDbEngine.start(EngineOptions.durable(0, data));
                DynamoDbClient client = EngineClients.client(engine.endpoint())) {
            assertThat(client.listTables().tableNames()).containsExactly("things");
            assertThat(client.getItem(get -> get.tableName("things").key(Map.of("id", s("a")))).item())
                .containsEntry("n", n("1"));
        }
    }

    @Test
    void keepsAcknowledgedWritesWhenTheProcessIsKilled(@TempDir Path data) throws Exception {
        int port = freePort();
        Process process = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                DynamoDbEngineServer.class.getName(), "--port", Integer.toString(port), "--data-dir", data.toString())
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("engine.log").toFile())
            .start();
        try (DynamoDbClient client = EngineClients.client(java.net.URI.create("http://127.0.0.1:" + port))) {
            awaitListening(client);
            EngineClients.createTable(client, "things");
            for (int i = 0; i < 200; i++) {
                String id = "item-" + i;
                client.putItem(put -> put.tableName("things").item(Map.of("id", s(id))));
            }
        }
        finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (DynamoDbEngine engine = DynamoDbEngine.start(EngineOptions.durable(0, data));
                DynamoDbClient client = EngineClients.client(engine.endpoint())) {
            assertThat(client.scan(scan -> scan.tableName("things")).count()).isEqualTo(200);
        }
    }

    @Test
    void refusesConnectionsWhileDisconnectedAndKeepsItsData() {
        try (DynamoDbEngine engine = DynamoDbEngine.start(EngineOptions.inMemory());
                DynamoDbClient client = EngineClients.client(engine.endpoint())) {
            EngineClients.createTable(client, "things");
            client.putItem(put -> put.tableName("things").item(Map.of("id", s("a"))));
            engine.disconnect();
            assertThatThrownBy(() -> client.listTables()).isInstanceOf(SdkClientException.class);
            engine.reconnect();
            assertThat(client.getItem(get -> get.tableName("things").key(Map.of("id", s("a")))).hasItem()).isTrue();
        }
    }

    @Test
    void deletesExpiredItemsOnceTimeToLiveIsEnabled() {
        try (DynamoDbEngine engine = DynamoDbEngine
            .start(EngineOptions.inMemory().withTtlSweepInterval(Duration.ofHours(1)));
                DynamoDbClient client = EngineClients.client(engine.endpoint())) {
            EngineClients.createTable(client, "things");
            client.updateTimeToLive(ttl -> ttl.tableName("things")
                .timeToLiveSpecification(spec -> spec.attributeName("expiresAt").enabled(true)));
            long now = System.currentTimeMillis() / 1000;
            client
                .putItem(put -> put.tableName("things").item(Map.of("id", s("old"), "expiresAt", n("" + (now - 10)))));
            client
                .putItem(put -> put.tableName("things").item(Map.of("id", s("new"), "expiresAt", n("" + (now + 600)))));
            client.putItem(put -> put.tableName("things").item(Map.of("id", s("kept"))));
            assertThat(engine.sweepExpiredItems()).isEqualTo(1);
            assertThat(client.scan(scan -> scan.tableName("things")).items()).extracting(item -> item.get("id").s())
                .containsExactlyInAnyOrder("new", "kept");
        }
    }

    private static void awaitListening(DynamoDbClient client) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                client.listTables();
                return;
            }
            catch (SdkClientException ex) {
                if (System.nanoTime() > deadline) {
                    throw ex;
                }
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

}
