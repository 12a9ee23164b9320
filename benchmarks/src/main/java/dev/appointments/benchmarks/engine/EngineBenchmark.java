package dev.appointments.benchmarks.engine;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.appointments.dynamodb.DynamoDbEngine;
import dev.appointments.dynamodb.EngineOptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Measures the DynamoDB engine through the AWS SDK over loopback HTTP: conditional
 * PutItem, TransactWriteItems of three items, GetItem and a GSI Query, with 4 and 16
 * client threads, each beside a baseline of the same run (a ListTables round trip, the
 * cheapest request there is) so that the figures can be compared across noisy machines.
 * With {@code --endpoint URL} it measures another DynamoDB-compatible endpoint instead.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(10);
        Duration warmup = Duration.ofSeconds(3);
        Path report = Path.of("target", "engine-benchmark");
        URI external = null;
        int[] threadCounts = { 4, 16 };
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> measure = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--warmup-seconds" -> warmup = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--report" -> report = Path.of(args[++i]);
                case "--endpoint" -> external = URI.create(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Path data = Files.createTempDirectory("engine-benchmark");
        List<Measurement> results = new ArrayList<>();
        long startNanos = System.nanoTime();
        DynamoDbEngine engine = external == null ? DynamoDbEngine.start(EngineOptions.durable(0, data)) : null;
        Duration startup = Duration.ofNanos(System.nanoTime() - startNanos);
        URI endpoint = external != null ? external : engine.endpoint();
        try (DynamoDbClient client = Workloads.client(endpoint, 64)) {
            Workloads workloads = new Workloads(client, "bench-" + System.currentTimeMillis());
            workloads.createTables();
            workloads.seed(20_000);
            for (int threads : threadCounts) {
                for (var workload : workloads.all().entrySet()) {
                    Load.run(workload.getValue(), threads, warmup);
                    Measurement measurement = Load.run(workload.getValue(), threads, measure);
                    results.add(measurement.named(workload.getKey(), threads));
                    System.out.println(results.getLast().line());
                }
            }
            workloads.deleteTables();
        }
        finally {
            if (engine != null) {
                engine.close();
            }
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("endpoint", external == null ? "dynamodb-engine (durable, in this JVM)" : external.toString());
        context.put("engineStartupMillis", external == null ? startup.toMillis() : null);
        context.put("cores", Runtime.getRuntime().availableProcessors());
        context.put("measureSeconds", measure.toSeconds());
        Reports.write(report, context, results);
        System.out.println("Report written to " + report.toAbsolutePath() + ".md and .json");
    }

}
