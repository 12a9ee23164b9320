package dev.appointments.query.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.query.QueryServiceApplication;
import dev.appointments.resources.Tables;
import dev.appointments.rules.BookingCalendar;
import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.Slot;
import dev.appointments.rules.TimeRange;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.appointment.HistoryEntry;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Providers;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Load benchmark of {@code GET /api/appointments/{id}} and {@code GET
 * /api/providers/{id}/slots}: starts the embedded engines and the query-service (twice:
 * with the slot cache as configured, and with it off), books appointments through the
 * store classes, then drives each endpoint with concurrent java.net.http clients.
 * Baselines measured in the same run: a trivial endpoint
 * ({@code /actuator/health/liveness}) and a raw DynamoDB GetItem of an appointment.
 * Writes requests/s, p50 and p99 to {@code query-service/target/benchmark.txt}. Requests
 * carry a scheduler's token from a local authorization server, so the numbers include
 * checking it.
 * <p>
 * Settings (system properties): {@code benchmark.threads} (8),
 * {@code benchmark.warmUpSeconds} (5), {@code benchmark.seconds} (15),
 * {@code benchmark.providers} (20), {@code benchmark.appointments} (2000).
 */
public final class QueryBenchmark {

    private static final int THREADS = Integer.getInteger("benchmark.threads", 8);

    private static final int PROVIDERS = Integer.getInteger("benchmark.providers", 20);

    private static final int APPOINTMENTS = Integer.getInteger("benchmark.appointments", 2000);

    private static final int DAYS = 5;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final LocalAuthServer authServer = LocalAuthServer.shared();

    private final String token = authServer.clientCredentialsToken("demo-scheduler", LocalAuthServer.DEMO_SECRET);

    public static void main(String[] args) throws Exception {
        new QueryBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        EmbeddedEngines engines = EmbeddedEngines.shared();
        ConfigurableApplicationContext cached = start(engines, authServer, "5s");
        ConfigurableApplicationContext uncached = start(engines, authServer, "0s");
        int port = port(cached);
        Seed seed = seed(cached);
        System.out.printf("Seeded %d providers and %d appointments; measuring with %d threads%n", PROVIDERS,
                seed.appointmentIds().size(), THREADS);

        Load load = new Load(THREADS, Duration.ofSeconds(Integer.getInteger("benchmark.warmUpSeconds", 5)),
                Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 15)));
        List<String> ids = seed.appointmentIds();
        List<String> slotPaths = seed.slotPaths();
        DynamoDbClient dynamoDb = engines.dynamoDb();
        List<Load.Result> results = new ArrayList<>();
        results.add(load.run("baseline: GET /actuator/health/liveness", i -> ok(port, "/actuator/health/liveness")));
        results.add(load.run("baseline: DynamoDB GetItem (appointment)",
                i -> dynamoDb
                    .getItem(request -> request.tableName(Tables.Appointments.NAME)
                        .consistentRead(true)
                        .key(Map.of(Tables.Appointments.ID, AttributeValue.fromS(ids.get(i % ids.size())))))
                    .hasItem()));
        results
            .add(load.run("GET /api/appointments/{id}", i -> ok(port, "/api/appointments/" + ids.get(i % ids.size()))));
        results.add(load.run("GET /api/providers/{id}/slots (cache 5 s)",
                i -> ok(port, slotPaths.get(i % slotPaths.size()))));
        results.add(load.run("GET /api/providers/{id}/slots (no cache)",
                i -> ok(port(uncached), slotPaths.get(i % slotPaths.size()))));
        String report = report(results);
        System.out.println(report);
        Path file = outputFile();
        Files.writeString(file, report);
        System.out.println("Written to " + file);
        uncached.close();
        cached.close();
    }

    private static ConfigurableApplicationContext start(EmbeddedEngines engines, LocalAuthServer authServer,
            String slotCacheTtl) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
                "--appointments.query.slot-cache-ttl=" + slotCacheTtl,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + authServer.issuerUri(),
                "--server.tomcat.threads.max=" + Math.max(50, THREADS * 4)));
        engines.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        return QueryServiceApplication.application().run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private record Seed(List<String> appointmentIds, List<String> slotPaths) {
    }

    /**
     * Providers in New York open on weekdays, one patient per appointment, booked as the
     * request-service books.
     */
    private static Seed seed(ConfigurableApplicationContext context) {
        Providers providers = context.getBean(Providers.class);
        Patients patients = context.getBean(Patients.class);
        Appointments appointments = context.getBean(Appointments.class);
        Instant now = Instant.now();
        ProviderRules rules = ProviderRules.withDefaults("Benchmark clinic", "America/New_York",
                ProviderRules.mondayToFriday(TimeRange.of("08:00", "18:00")));
        BookingCalendar calendar = BookingCalendar.of(rules);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date = LocalDate.now(ZoneId.of("America/New_York")).plusDays(2); dates.size() < DAYS; date = date
            .plusDays(1)) {
            if (!calendar.slots(date).isEmpty()) {
                dates.add(date);
            }
        }
        List<String> providerIds = new ArrayList<>();
        List<String> slotPaths = new ArrayList<>();
        for (int p = 0; p < PROVIDERS; p++) {
            String providerId = "bench-provider-" + UUID.randomUUID();
            providers.create(providerId, rules, now);
            providerIds.add(providerId);
            dates.forEach(date -> slotPaths.add("/api/providers/%s/slots?date=%s".formatted(providerId, date)));
        }
        List<String> ids = new ArrayList<>();
        int perProvider = Math.ceilDiv(APPOINTMENTS, PROVIDERS);
        for (String providerId : providerIds) {
            List<Slot> slots = dates.stream().flatMap(date -> calendar.slots(date).stream()).toList();
            // Every other slot, so the free-slot answers are neither full nor empty.
            for (int i = 0; i < 2 * perProvider && i < slots.size() && ids.size() < APPOINTMENTS; i += 2) {
                ids.add(book(appointments, patients, calendar, providerId, slots.get(i), now));
            }
        }
        return new Seed(ids, slotPaths);
    }

    private static String book(Appointments appointments, Patients patients, BookingCalendar calendar,
            String providerId, Slot slot, Instant now) {
        String patientId = patients
            .findOrCreate(new Patient(null, "Bench", "Patient", "bench-" + UUID.randomUUID() + "@example.com", null,
                    null, now))
            .patientId();
        String id = UUID.randomUUID().toString();
        String requestId = "bench-" + id;
        Appointment appointment = new Appointment(id, providerId, patientId, AppointmentStatus.REQUESTED, slot.start(),
                slot.end(), calendar.zone().getId(), slot.date(), slot.time(), null, null,
                calendar.blockedTime(slot.start(), Duration.between(slot.start(), slot.end())).to(), 1,
                List.of(new HistoryEntry(now, null, AppointmentStatus.REQUESTED, requestId, null)), now, now);
        appointments.book(appointment, Outcome.accepted(requestId, "RequestAppointment", null, id, "Booked.", now));
        return id;
    }

    private boolean ok(int port, String path) {
        try {
            HttpResponse<Void> response = http
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String report(List<Load.Result> results) {
        StringBuilder text = new StringBuilder();
        text.append("Query-service benchmark, %s, %d client threads, %d CPUs, Java %s%n".formatted(Instant.now(),
                THREADS, Runtime.getRuntime().availableProcessors(), Runtime.version()));
        text.append("%-44s %9s %8s %10s %9s %9s%n".formatted("workload", "requests", "errors", "req/s", "p50 ms",
                "p99 ms"));
        results.forEach(result -> text.append(result.line()).append('\n'));
        Load.Result health = results.get(0);
        Load.Result getItem = results.get(1);
        text.append("\nThroughput ratios (workload / baseline):\n");
        for (Load.Result result : results.subList(2, results.size())) {
            text.append("  %-44s %5.2f of health, %5.2f of raw GetItem%n".formatted(result.name(),
                    result.perSecond() / health.perSecond(), result.perSecond() / getItem.perSecond()));
        }
        return text.toString();
    }

    private static Path outputFile() throws URISyntaxException, IOException {
        // target/test-classes -> target
        Path classes = Path.of(QueryBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path target = classes.getParent();
        Files.createDirectories(target);
        return target.resolve("benchmark.txt");
    }

}
