package dev.appointments.benchmarks.pipeline;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.localrun.LocalRun;
import dev.appointments.localrun.LocalRunSettings;
import dev.appointments.resources.Tables;
import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Providers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Measures the booking pipeline of the local run (engines and services in this JVM): a
 * burst of bookings for distinct free slots put on appointment-requests and timed until
 * every one is CONFIRMED, the same number through a raw harness making the same SDK calls
 * and through a minimal one, a steady rate of half the burst's throughput, and the
 * query-service's reads beside raw DynamoDB reads; with CPU time, SDK calls and memory.
 * Writes {@code <report>.md} and {@code <report>.json}; the services' log goes to
 * {@code <report>-services.log}.
 */
public final class PipelineBenchmark {

    private static final int HARNESS_RUNS = 3;

    private PipelineBenchmark() {
    }

    /**
     * @param bookings bookings of each burst
     * @param warmupBookings bookings of the warm-up bursts before the measured ones
     * @param steady how long the steady rate runs
     * @param reads how long each read runs (plus a third of it to warm up)
     * @param readClients concurrent clients of the reads
     * @param concurrency threads of each stage of the harnesses (the services have 10 per
     * consumer)
     * @param report where the report goes, without extension
     */
    record Options(int bookings, int warmupBookings, Duration steady, Duration reads, int readClients, int concurrency,
            Path report) {

        static Options parse(String... args) {
            int bookings = 1000;
            int warmupBookings = 200;
            Duration steady = Duration.ofSeconds(30);
            Duration reads = Duration.ofSeconds(10);
            Path report = Path.of("target", "pipeline-benchmark");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--bookings" -> bookings = Integer.parseInt(args[++i]);
                    case "--warmup-bookings" -> warmupBookings = Integer.parseInt(args[++i]);
                    case "--steady-seconds" -> steady = Duration.ofSeconds(Long.parseLong(args[++i]));
                    case "--read-seconds" -> reads = Duration.ofSeconds(Long.parseLong(args[++i]));
                    case "--report" -> report = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            return new Options(bookings, warmupBookings, steady, reads, 8, 10, report);
        }

        Duration timeout() {
            return Duration.ofSeconds(Math.max(90, bookings / 5));
        }
    }

    /** What the run measured, and where the report went. */
    record Result(List<Phase> phases, Map<String, ClosedLoop.Result> reads, Map<String, Object> context, Path markdown,
            Path json) {
    }

    public static void main(String[] args) throws Exception {
        Result result = run(Options.parse(args));
        System.out.println(Files.readString(result.markdown()));
        System.out.println("Report written to " + result.markdown().toAbsolutePath() + " and .json");
    }

    static Result run(Options options) throws Exception {
        Files.createDirectories(options.report().toAbsolutePath().getParent());
        // The services log as deployed, to a file, not to the console that shows the
        // progress.
        String loggingConfig = System.setProperty("logging.config", "classpath:pipeline-logback.xml");
        PrintStream console = System.out;
        Path serviceLog = Path.of(options.report() + "-services.log");
        Map<String, Object> context = Context.before(options);
        System.setOut(new PrintStream(new BufferedOutputStream(new FileOutputStream(serviceLog.toFile())), false));
        try {
            long startNanos = System.nanoTime();
            try (LocalRun stack = LocalRun.start(LocalRunSettings.anyFreePorts())) {
                context.put("localRunStartupMillis", (System.nanoTime() - startNanos) / 1_000_000);
                return run(options, stack, context, console);
            }
        }
        finally {
            System.out.flush();
            System.setOut(console);
            if (loggingConfig == null) {
                System.clearProperty("logging.config");
            }
            else {
                System.setProperty("logging.config", loggingConfig);
            }
        }
    }

    private static Result run(Options options, LocalRun stack, Map<String, Object> context, PrintStream console)
            throws Exception {
        URI sqsEndpoint = stack.engines().sqsEndpoint();
        URI dynamoDbEndpoint = stack.engines().dynamoDbEndpoint();
        try (SqsClient sqs = Clients.sqs(sqsEndpoint, "benchmark");
                DynamoDbClient dynamoDb = Clients.dynamoDb(dynamoDbEndpoint, "benchmark")) {
            Clock clock = Clock.systemUTC();
            Providers providers = new Providers(dynamoDb, DynamoDbCalls.DIRECT);
            Slots slots = new Slots(providers, clock);
            Commands commands = new Commands(new Patients(dynamoDb, DynamoDbCalls.DIRECT), slots, clock,
                    Long.toString(System.currentTimeMillis(), 36));
            SystemRun system = new SystemRun(sqs, new Verification(dynamoDb));
            RawHarness harness = new RawHarness(sqsEndpoint, dynamoDbEndpoint, options.concurrency());
            harness.createTables(
                    dynamoDb
                        .getItem(get -> get.tableName(Tables.Providers.NAME)
                            .key(Map.of(Tables.Providers.ID, AttributeValue.fromS(Slots.PROVIDER))))
                        .item());
            Duration timeout = options.timeout();

            console.println("Warming up with " + options.warmupBookings() + " bookings per pipeline");
            system.burst("warm-up", commands.prepare(options.warmupBookings()), timeout);
            harness.twoStages("warm-up", options.warmupBookings(), timeout);
            harness.minimal("warm-up", options.warmupBookings(), timeout);

            List<Phase> phases = new ArrayList<>();
            List<Commands.Command> burstCommands = commands.prepare(options.bookings());
            phases.add(report(console, "system burst", () -> system.burst("system burst", burstCommands, timeout)));
            // The harnesses take a few seconds: the median of three runs is less at the
            // mercy of the machine.
            phases.add(report(console, "raw harness burst", () -> median(HARNESS_RUNS,
                    () -> harness.twoStages("raw harness burst", options.bookings(), timeout))));
            phases.add(report(console, "minimal harness burst", () -> median(HARNESS_RUNS,
                    () -> harness.minimal("minimal harness burst", options.bookings(), timeout))));
            double rate = Math.max(1, phases.getFirst().perSecond() / 2);
            int steadyCount = (int) Math.max(1, Math.round(rate * options.steady().toMillis() / 1000.0));
            List<Commands.Command> steadyCommands = commands.prepare(steadyCount);
            console.printf("Steady rate: %.1f bookings/s for %d s%n", rate, options.steady().toSeconds());
            phases.add(report(console, "system steady",
                    () -> system.steady("system steady", steadyCommands, rate, timeout)));
            context.put("steadyRatePerSecond", rate);
            context.put("providersUsed", slots.providersUsed());

            console.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " reads: " + options.readClients()
                    + " clients, " + options.reads().toSeconds() + " s each");
            Commands.Command booked = burstCommands.getFirst();
            context.put("itemBytes", ItemSizes.of(dynamoDb, booked.requestId()));
            String appointmentId = new Verification(dynamoDb).check(List.of(booked.requestId()))
                .confirmedAppointments()
                .getFirst();
            String token = stack.auth().clientCredentialsToken("demo-scheduler", LocalAuthServer.DEMO_SECRET);
            Map<String, ClosedLoop.Result> reads = new Reads(dynamoDb,
                    URI.create("http://127.0.0.1:" + stack.port("query-service")), token)
                .run(appointmentId, booked.providerId(), booked.date(),
                        providers.find(booked.providerId()).orElseThrow().calendar(), options.readClients(),
                        options.reads(), options.reads().dividedBy(3));
            reads.forEach((name, read) -> console.printf("  %-42s %,8.0f/s  %s%n", name, read.perSecond(),
                    read.latencies().text()));

            context.putAll(Context.after());
            Path markdown = Path.of(options.report() + ".md");
            Path json = Path.of(options.report() + ".json");
            PipelineReport.write(markdown, json, context, phases, reads);
            return new Result(phases, reads, context, markdown, json);
        }
    }

    private interface PhaseRun {

        Phase run() throws Exception;

    }

    /** The run of median throughput out of {@code runs}. */
    private static Phase median(int runs, PhaseRun run) throws Exception {
        List<Phase> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            results.add(run.run());
        }
        results.sort(java.util.Comparator.comparingDouble(Phase::perSecond));
        return results.get(runs / 2);
    }

    /**
     * Runs a phase and prints its figures, with the wall-clock times that locate it in a
     * profile.
     */
    private static Phase report(PrintStream console, String name, PhaseRun run) throws Exception {
        console.printf("%s %s starts%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), name);
        Phase phase = run.run();
        console.printf("%s ", LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
        console.printf("  %-24s %5d bookings in %6.2f s: %6.1f/s, CPU %.2f ms/booking%s%n", phase.name(),
                phase.confirmed(), phase.seconds(), phase.perSecond(), phase.cpuMillisPerBooking(),
                phase.toConfirmed() == null ? "" : ", send->CONFIRMED " + phase.toConfirmed().text());
        return phase;
    }

    /** Facts of the run that make its figures comparable with another's. */
    private static final class Context {

        static Map<String, Object> before(Options options) {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("startedAt", java.time.Instant.now().toString());
            context.put("cores", Runtime.getRuntime().availableProcessors());
            context.put("loadAverageAtStart", loadAverage());
            context.put("java", Runtime.version().toString());
            context.put("maxHeapMegabytes", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            context.put("engines", "ElasticMQ and dynamodb-engine (in memory), in this JVM with the four services");
            context.put("bookingsPerBurst", options.bookings());
            context.put("warmupBookings", options.warmupBookings());
            context.put("harnessThreadsPerStage", options.concurrency());
            context.put("harnessRunsPerBurst", HARNESS_RUNS + " (the median by throughput is reported)");
            context.put("steadySeconds", options.steady().toSeconds());
            context.put("readClients", options.readClients());
            context.put("readSeconds", options.reads().toSeconds());
            return context;
        }

        /**
         * The machine's one-minute load average: other work on the machine makes every
         * figure noisier.
         */
        static String loadAverage() {
            try {
                return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            }
            catch (java.io.IOException ex) {
                return "unknown";
            }
        }

        static Map<String, Object> after() {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("loadAverageAtEnd", loadAverage());
            context.put("rssMegabytesAfterRun", ProcessFigures.rssMegabytes());
            context.put("heapMegabytesAfterRunAndGc", ProcessFigures.heapAfterGcMegabytes());
            context.put("heapCommittedMegabytes", ProcessFigures.heapCommittedMegabytes());
            return context;
        }

    }

}
