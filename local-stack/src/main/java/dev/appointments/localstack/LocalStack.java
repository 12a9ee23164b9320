package dev.appointments.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.appointments.confirmation.ConfirmationServiceApplication;
import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.query.QueryServiceApplication;
import dev.appointments.reminder.ReminderServiceApplication;
import dev.appointments.request.RequestServiceApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole system on a laptop: ElasticMQ and DynamoDB Local on loopback, then the four
 * services, each in its own application context with its own configuration file, all in this JVM.
 */
public final class LocalStack implements AutoCloseable {

    private final EmbeddedEngines engines;
    private final Map<String, ConfigurableApplicationContext> services;

    private LocalStack(EmbeddedEngines engines, Map<String, ConfigurableApplicationContext> services) {
        this.engines = engines;
        this.services = services;
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        LocalStack stack = start(LocalStackSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        System.out.println(stack.describe((System.nanoTime() - started) / 1_000_000));
    }

    /** Starts the engines, then the services one after another; stops what started if one fails. */
    public static LocalStack start(LocalStackSettings settings) {
        EmbeddedEngines engines = EmbeddedEngines.start(settings.engines());
        Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
        LocalStack stack = new LocalStack(engines, services);
        try {
            services.put("request-service", run(RequestServiceApplication::application, settings.requestPort(), engines));
            services.put("confirmation-service",
                    run(ConfirmationServiceApplication::application, settings.confirmationPort(), engines));
            services.put("reminder-service", run(ReminderServiceApplication::application, settings.reminderPort(), engines));
            services.put("query-service", run(QueryServiceApplication::application, settings.queryPort(), engines));
            return stack;
        }
        catch (RuntimeException ex) {
            stack.close();
            throw ex;
        }
    }

    private static ConfigurableApplicationContext run(Supplier<SpringApplication> application, int port,
            EmbeddedEngines engines) {
        List<String> args = new ArrayList<>();
        args.add("--spring.profiles.active=local");
        args.add("--server.port=" + port);
        // One JVM has one logging system: name the whole run rather than whichever service started first.
        args.add("--logging.structured.ecs.service.name=local-stack");
        engines.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        return application.get().run(args.toArray(String[]::new));
    }

    public EmbeddedEngines engines() {
        return engines;
    }

    /** The HTTP port a service listens on. */
    public int port(String service) {
        return ((WebServerApplicationContext) services.get(service)).getWebServer().getPort();
    }

    String describe(long startupMillis) {
        StringBuilder text = new StringBuilder("\n=== Appointment scheduling is running (started in %d ms) ===\n"
                .formatted(startupMillis));
        for (String service : services.keySet()) {
            text.append("  %-21s http://127.0.0.1:%d  (health: /actuator/health)%n".formatted(service, port(service)));
        }
        text.append("  %-21s %s  (queues: appointment-requests, appointment-confirmations, appointment-reminders, each with -dlq)%n"
                .formatted("SQS (ElasticMQ)", engines.sqsEndpoint()));
        text.append("  %-21s %s%n".formatted("DynamoDB Local", engines.dynamoDbEndpoint()));
        text.append("Press Ctrl+C to stop.\n");
        return text.toString();
    }

    @Override
    public void close() {
        List<String> names = new ArrayList<>(services.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            services.get(name).close();
        }
        services.clear();
        engines.close();
    }
}
