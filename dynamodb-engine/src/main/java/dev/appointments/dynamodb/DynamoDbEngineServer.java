package dev.appointments.dynamodb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the engine on its own:
 * {@code java -jar dynamodb-engine.jar [--host 127.0.0.1] [--port 8000]
 * [--data-dir ./.local-data/dynamodb | --in-memory] [--ttl-sweep-seconds 30]}.
 */
public final class DynamoDbEngineServer {

    private DynamoDbEngineServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 8000;
        Path dataDirectory = Path.of(".local-data", "dynamodb");
        Duration sweep = EngineOptions.DEFAULT_TTL_SWEEP_INTERVAL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDirectory = Path.of(args[++i]);
                case "--in-memory" -> dataDirectory = null;
                case "--ttl-sweep-seconds" -> sweep = Duration.ofSeconds(Long.parseLong(args[++i]));
                default -> {
                    System.err.println("Unknown option " + args[i] + "; options: --host, --port, --data-dir, "
                            + "--in-memory, --ttl-sweep-seconds");
                    System.exit(2);
                }
            }
        }
        DynamoDbEngine engine = DynamoDbEngine.start(new EngineOptions(host, port, dataDirectory, sweep));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            stopped.countDown();
        }, "dynamodb-engine-stop"));
        System.out.println("DynamoDB engine listening at " + engine.endpoint()
                + (dataDirectory == null ? " (in memory)" : " (data in " + dataDirectory.toAbsolutePath() + ")"));
        stopped.await();
    }

}
