package dev.appointments.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.confirmation.ConfirmationServiceApplication;
import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.LocalMailServer;
import dev.appointments.query.QueryServiceApplication;
import dev.appointments.reminder.ReminderServiceApplication;
import dev.appointments.request.RequestServiceApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole system on a laptop: ElasticMQ and the DynamoDB engine, a mail server
 * and an authorization server, all on loopback, then the four services, each in its own
 * application context with its own configuration file, all in this JVM.
 */
public final class LocalRun implements AutoCloseable {

    private final EmbeddedEngines engines;

    private final LocalMailServer mail;

    private final LocalAuthServer auth;

    private final Map<String, ConfigurableApplicationContext> services;

    private LocalRun(EmbeddedEngines engines, LocalMailServer mail, LocalAuthServer auth,
            Map<String, ConfigurableApplicationContext> services) {
        this.engines = engines;
        this.mail = mail;
        this.auth = auth;
        this.services = services;
    }

    /**
     * {@code --engines-only} starts the engines, the mail server and the authorization
     * server without the services, for services that run as processes of their own (each
     * from its jar, as in production) against them.
     */
    public static void main(String[] args) {
        long started = System.nanoTime();
        ConsoleLogging.apply();
        Consumer<String> progress = line -> System.out.printf("[local-run %5.1f s] %s%n",
                (System.nanoTime() - started) / 1e9, line);
        if (List.of(args).contains("--engines-only")) {
            LocalRun infrastructure = startInfrastructure(LocalRunSettings.fromEnvironment(), progress);
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "local-run-stop"));
            System.out.println(infrastructure.describe((System.nanoTime() - started) / 1_000_000));
            return;
        }
        LocalRun stack = start(LocalRunSettings.fromEnvironment(), progress);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-run-stop"));
        System.out.println(stack.describe((System.nanoTime() - started) / 1_000_000));
    }

    /**
     * Starts the engines, the mail and authorization servers, then the services; stops
     * what started if one fails.
     */
    public static LocalRun start(LocalRunSettings settings) {
        return start(settings, line -> {
        });
    }

    /**
     * As {@link #start(LocalRunSettings)}, telling {@code progress} what starts and where
     * it answers.
     */
    static LocalRun start(LocalRunSettings settings, Consumer<String> progress) {
        EmbeddedEngines engines = startEngines(settings, progress);
        LocalMailServer mail = null;
        LocalAuthServer auth = null;
        Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
        try {
            mail = startMail(settings, progress);
            // The patient page on the query-service signs in at the authorization server
            // and books at the
            // request-service, which both start first and must know the page's address:
            // fix the port now.
            int queryPort = settings.queryPort() == 0 ? freeLoopbackPort() : settings.queryPort();
            String queryUrl = "http://127.0.0.1:" + queryPort;
            auth = startAuth(settings, queryUrl + "/," + queryUrl + "/provider", progress);
            LocalRun stack = new LocalRun(engines, mail, auth, services);
            List<String> common = stack.commonArguments();
            stack.run("request-service", RequestServiceApplication::application, settings.requestPort(), common,
                    progress, "--appointments.request.outcome-base-url=" + queryUrl,
                    "--appointments.security.cors.allowed-origins=" + queryUrl);
            stack.run("confirmation-service", ConfirmationServiceApplication::application, settings.confirmationPort(),
                    common, progress);
            stack.run("reminder-service", ReminderServiceApplication::application, settings.reminderPort(), common,
                    progress, "--appointments.reminder.patient-page-url=" + queryUrl + "/");
            stack.run("query-service", QueryServiceApplication::application, queryPort, common, progress,
                    "--appointments.patient-page.request-service-url=http://127.0.0.1:"
                            + stack.port("request-service"));
            return stack;
        }
        catch (RuntimeException ex) {
            new LocalRun(engines, mail, auth, services).close();
            throw ex;
        }
    }

    private List<String> commonArguments() {
        List<String> args = new ArrayList<>();
        args.add("--spring.profiles.active=local");
        // One JVM has one logging system: name the whole run rather than whichever
        // service started first.
        args.add("--logging.structured.ecs.service.name=local-run");
        // The engines and the mail server log each request, addresses included, at INFO.
        args.add("--logging.level.org.elasticmq=WARN");
        args.add("--logging.level.org.eclipse.jetty=WARN");
        args.add("--logging.level.org.h2=WARN");
        args.add("--logging.level.com.icegreen=WARN");
        args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + auth.issuerUri());
        args.addAll(ConsoleLogging.arguments());
        engines.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        mail.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        return args;
    }

    /** The engines, the mail server and the authorization server, without any service. */
    public static LocalRun startInfrastructure(LocalRunSettings settings) {
        return startInfrastructure(settings, line -> {
        });
    }

    private static LocalRun startInfrastructure(LocalRunSettings settings, Consumer<String> progress) {
        EmbeddedEngines engines = startEngines(settings, progress);
        LocalMailServer mail = null;
        try {
            mail = startMail(settings, progress);
            int queryPort = settings.queryPort() == 0 ? freeLoopbackPort() : settings.queryPort();
            LocalAuthServer auth = startAuth(settings, "http://127.0.0.1:" + queryPort + "/", progress);
            return new LocalRun(engines, mail, auth, new LinkedHashMap<>());
        }
        catch (RuntimeException ex) {
            new LocalRun(engines, mail, null, new LinkedHashMap<>()).close();
            throw ex;
        }
    }

    private static EmbeddedEngines startEngines(LocalRunSettings settings, Consumer<String> progress) {
        progress.accept("Starting SQS (ElasticMQ) and DynamoDB (the project's engine)...");
        EmbeddedEngines engines = EmbeddedEngines.start(settings.engines());
        progress.accept("SQS at " + engines.sqsEndpoint() + ", DynamoDB at " + engines.dynamoDbEndpoint()
                + ": queues and tables ready");
        return engines;
    }

    private static LocalMailServer startMail(LocalRunSettings settings, Consumer<String> progress) {
        LocalMailServer mail = LocalMailServer.start(settings.smtpPort(), settings.mailboxPort());
        progress.accept("Mailbox at " + mail.webPage() + " (SMTP on " + mail.host() + ":" + mail.smtpPort() + ")");
        return mail;
    }

    private static LocalAuthServer startAuth(LocalRunSettings settings, String redirectUris,
            Consumer<String> progress) {
        progress.accept("Starting the authorization server...");
        Map<String, String> properties = new LinkedHashMap<>(ConsoleLogging.properties());
        properties.put("logging.structured.ecs.service.name", "local-run");
        properties.put("local-auth-server.patient-web-client.redirect-uris", redirectUris);
        LocalAuthServer auth = LocalAuthServer.start(settings.authServerPort(), properties);
        progress.accept("Authorization server at " + auth.issuerUri());
        return auth;
    }

    private void run(String name, Supplier<SpringApplication> application, int port, List<String> common,
            Consumer<String> progress, String... own) {
        progress.accept("Starting " + name + "...");
        List<String> args = new ArrayList<>(common);
        args.add("--server.port=" + port);
        args.addAll(List.of(own));
        services.put(name, application.get().run(args.toArray(String[]::new)));
        progress.accept(name + " started at http://127.0.0.1:" + port(name));
    }

    /**
     * A port free on loopback now; another process could take it before the service binds
     * it, which is unlikely.
     */
    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No free port on loopback", ex);
        }
    }

    public EmbeddedEngines engines() {
        return engines;
    }

    public LocalMailServer mail() {
        return mail;
    }

    public LocalAuthServer auth() {
        return auth;
    }

    /** The HTTP port a service listens on. */
    public int port(String service) {
        return ((WebServerApplicationContext) services.get(service)).getWebServer().getPort();
    }

    String describe(long startupMillis) {
        StringBuilder text = new StringBuilder(
                "\n=== Appointment scheduling is running (started in %d ms) ===\n".formatted(startupMillis));
        for (String service : services.keySet()) {
            text.append("  %-21s http://127.0.0.1:%d  (health: /actuator/health)%n".formatted(service, port(service)));
        }
        text.append(
                "  %-21s %s  (queues: appointment-requests, appointment-confirmations, appointment-reminders, each with -dlq)%n"
                    .formatted("SQS (ElasticMQ)", engines.sqsEndpoint()));
        text.append("  %-21s %s%n".formatted("DynamoDB (engine)", engines.dynamoDbEndpoint()));
        text.append("  %-21s %s  (SMTP on 127.0.0.1:%d)%n".formatted("Mailbox", mail.webPage(), mail.smtpPort()));
        text.append("  %-21s %s  (token: curl -s -u demo-scheduler:demo-secret -d grant_type=client_credentials %s)%n"
            .formatted("Authorization server", auth.issuerUri(), auth.tokenUri()));
        if (services.isEmpty()) {
            text.append("Engines only: start each service from its jar with --spring.profiles.active=local. "
                    + "Press Ctrl+C to stop.\n");
            return text.toString();
        }
        text.append("  %-21s http://127.0.0.1:%d/swagger-ui.html%n".formatted("Query API docs", port("query-service")));
        text.append(
                "  %-21s http://127.0.0.1:%d/swagger-ui.html%n".formatted("Command API docs", port("request-service")));
        text.append("  %-21s http://127.0.0.1:%d/ops  (paste a token of demo-ops)%n".formatted("Operations dashboard",
                port("query-service")));
        text.append("  %-21s http://127.0.0.1:%d/  (sign in as ada / demo-password, or create an account)%n"
            .formatted("Patient page", port("query-service")));
        text.append("  %-21s http://127.0.0.1:%d/provider  (sign in as grey / demo-password)%n"
            .formatted("Provider page", port("query-service")));
        text.append(
                "Demo providers: demo-auto (confirms at once), demo-manual (15-minute hold). Press Ctrl+C to stop.\n");
        return text.toString();
    }

    @Override
    public void close() {
        List<String> names = new ArrayList<>(services.keySet());
        Collections.reverse(names);
        for (String name : names) {
            services.get(name).close();
        }
        services.clear();
        if (auth != null) {
            auth.close();
        }
        if (mail != null) {
            mail.close();
        }
        engines.close();
    }

}
