package dev.appointments.faults.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.LocalMailServer;

/**
 * The system under test: the engines, the mail server and the authorization server in
 * this JVM (one set for the whole suite), and the services as child processes, each from
 * its own jar. Services reach SQS through a {@link TcpProxy}, so that a scenario can cut
 * the queue off; they reach DynamoDB directly, whose engine can refuse connections
 * itself. Scenarios ask for a {@link Shape}; instances that fit are kept running between
 * scenarios.
 */
public final class Fleet {

    /**
     * Readiness of a freshly started JVM, slow when several start at once on two cores.
     */
    public static final Duration STARTUP = Duration.ofMinutes(3);

    private static Fleet shared;

    private final Infrastructure infrastructure;

    private final TcpProxy sqsProxy;

    private final Path logDirectory;

    private final Map<Service, List<ServiceProcess>> instances = new EnumMap<>(Service.class);

    private final int queryPort = Ports.free();

    private int requestPort;

    private Fleet(Infrastructure infrastructure, TcpProxy sqsProxy, Path logDirectory) {
        this.infrastructure = infrastructure;
        this.sqsProxy = sqsProxy;
        this.logDirectory = logDirectory;
        for (Service service : Service.values()) {
            instances.put(service, new ArrayList<>());
        }
    }

    /**
     * The suite's fleet: started at first use, stopped, children included, when the JVM
     * exits.
     */
    public static synchronized Fleet shared() {
        if (shared == null) {
            Infrastructure infrastructure = Infrastructure.start();
            TcpProxy proxy = TcpProxy.to(infrastructure.engines().sqsEndpoint());
            Path logs = Path.of(System.getProperty("fault.reportDirectory", "target")).resolve("fault-logs");
            deleteLogs(logs);
            shared = new Fleet(infrastructure, proxy, logs);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "fault-fleet-stop"));
        }
        return shared;
    }

    /**
     * Each run's logs stand alone: the fuzz scenario reads all of them for personal data.
     */
    private static void deleteLogs(Path directory) {
        if (!java.nio.file.Files.isDirectory(directory)) {
            return;
        }
        try (var logs = java.nio.file.Files.list(directory)) {
            for (Path log : logs.filter(path -> path.toString().endsWith(".log")).toList()) {
                java.nio.file.Files.delete(log);
            }
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException("Could not clear " + directory, ex);
        }
    }

    /**
     * Starts, stops or restarts instances until the fleet has this shape, then waits
     * until all are ready.
     */
    public synchronized void shape(Shape shape) {
        List<ServiceProcess> starting = new ArrayList<>();
        for (Service service : Service.values()) {
            List<ServiceProcess> running = instances.get(service);
            List<String> arguments = argumentsFor(service, shape.argumentsOf(service));
            while (running.size() > shape.instancesOf(service)) {
                running.removeLast().stop();
            }
            for (ServiceProcess instance : running) {
                if (!instance.isAlive() || !Objects.equals(instance.arguments(), arguments)) {
                    instance.stop();
                    instance.start(arguments);
                    starting.add(instance);
                }
            }
            while (running.size() < shape.instancesOf(service)) {
                int port = service == Service.QUERY && running.isEmpty() ? queryPort : Ports.free();
                ServiceProcess instance = new ServiceProcess(service, running.size() + 1, port, logDirectory);
                if (service == Service.REQUEST && running.isEmpty()) {
                    requestPort = port;
                }
                instance.start(argumentsFor(service, shape.argumentsOf(service)));
                running.add(instance);
                starting.add(instance);
            }
        }
        awaitReady(starting);
    }

    /** Waits for these instances together: they start in parallel. */
    public void awaitReady(List<ServiceProcess> starting) {
        CompletableFuture
            .allOf(starting.stream()
                .map(instance -> CompletableFuture.runAsync(() -> instance.awaitReady(STARTUP)))
                .toArray(CompletableFuture[]::new))
            .join();
    }

    private List<String> argumentsFor(Service service, List<String> extra) {
        List<String> args = new ArrayList<>();
        args.add("--spring.profiles.active=local");
        args.add("--spring.cloud.aws.region.static=us-east-1");
        args.add("--spring.cloud.aws.credentials.access-key=local");
        args.add("--spring.cloud.aws.credentials.secret-key=local");
        args.add("--spring.cloud.aws.sqs.endpoint=" + sqsProxy.endpoint());
        args.add("--spring.cloud.aws.dynamodb.endpoint=" + infrastructure.engines().dynamoDbEndpoint());
        args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + infrastructure.auth().issuerUri());
        args.add("--spring.mail.host=" + infrastructure.mail().host());
        args.add("--spring.mail.port=" + infrastructure.mail().smtpPort());
        args.add("--appointments.request.outcome-base-url=http://127.0.0.1:" + queryPort);
        args.add("--appointments.patient-page.request-service-url=http://127.0.0.1:" + requestPort);
        args.addAll(extra);
        return args;
    }

    /** The running and killed instances of a service. */
    public synchronized List<ServiceProcess> instances(Service service) {
        return List.copyOf(instances.get(service));
    }

    public synchronized List<ServiceProcess> all() {
        return instances.values().stream().flatMap(List::stream).toList();
    }

    /** The first instance of a service, where the scenarios send their HTTP calls. */
    public ServiceProcess first(Service service) {
        List<ServiceProcess> running = instances(service);
        if (running.isEmpty()) {
            throw new IllegalStateException("No " + service.artifactId() + " in this shape");
        }
        return running.getFirst();
    }

    public EmbeddedEngines engines() {
        return infrastructure.engines();
    }

    public LocalMailServer mail() {
        return infrastructure.mail();
    }

    /** A token of one of the local authorization server's demo clients. */
    public String token(String clientId) {
        return infrastructure.auth()
            .clientCredentialsToken(clientId, dev.appointments.authserver.LocalAuthServer.DEMO_SECRET);
    }

    /** The relay between every SQS client and ElasticMQ: cut it for a queue outage. */
    public TcpProxy sqsProxy() {
        return sqsProxy;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    /**
     * Stops every instance normally, which also writes their class-data archives for the
     * next run.
     */
    private synchronized void close() {
        all().parallelStream().forEach(ServiceProcess::stop);
        sqsProxy.close();
        infrastructure.close();
    }

}
