package dev.appointments.localrun;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The console of {@code ./run-local} is read by a person: one plain line per event, in
 * one format from the first line on (the engines log before any Spring application has
 * configured logging), the product's own events at INFO and everything else from WARN up,
 * without the warnings that only concern production. Every choice gives way to the
 * environment ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} for the services' JSON,
 * {@code LOGGING_LEVEL_ROOT=INFO}, ...). Tests that start the run themselves keep the
 * services' own settings.
 */
final class ConsoleLogging {

    private static volatile boolean applied;

    private ConsoleLogging() {
    }

    /**
     * Configures logging for the console now, before the engines log, and for every
     * application started later.
     */
    static void apply() {
        applied = true;
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("local-run-console", Map.copyOf(properties())));
        LoggingSystem logging = LoggingSystem.get(ConsoleLogging.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, null);
        levels(environment).forEach((logger, level) -> logging.setLogLevel(logger, LogLevel.valueOf(level)));
    }

    /**
     * The properties for an application of the run; none unless {@link #apply()} was
     * called.
     */
    static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!applied) {
            return properties;
        }
        if (System.getenv("LOGGING_STRUCTURED_FORMAT_CONSOLE") == null) {
            // Blank switches the services' structured (JSON) console off: Spring Boot's
            // plain pattern instead.
            properties.put("logging.structured.format.console", "");
        }
        defaultLevel(properties, "root", "WARN");
        defaultLevel(properties, "dev.appointments", "INFO");
        // The run prints its own line for every application it starts and where it
        // answers, and one JVM holds them
        // all, so a line names no application.
        properties.put("spring.main.log-startup-info", "false");
        properties.put("logging.include-application-name", "false");
        defaultLevel(properties, "dev.appointments.engines", "WARN");
        defaultLevel(properties, "dev.appointments.binder.sqs.consumer.SqsInboundChannelAdapter", "WARN");
        // Warnings about production settings that the local run sets on purpose (API docs
        // on, no Kotlin module).
        defaultLevel(properties, "org.springdoc.core.events.SpringDocAppInitializer", "ERROR");
        defaultLevel(properties,
                "org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration", "ERROR");
        return properties;
    }

    /**
     * {@link #properties()} as command-line arguments, which win over the services'
     * configuration files.
     */
    static List<String> arguments() {
        return properties().entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toList();
    }

    private static void defaultLevel(Map<String, String> properties, String logger, String level) {
        String variable = "LOGGING_LEVEL_" + logger.replace('.', '_').toUpperCase();
        if (System.getenv(variable) == null) {
            properties.put("logging.level." + logger, level);
        }
    }

    private static Map<String, String> levels(StandardEnvironment environment) {
        Map<String, String> levels = new LinkedHashMap<>();
        properties().forEach((key, value) -> {
            if (key.startsWith("logging.level.")) {
                String logger = key.substring("logging.level.".length());
                levels.put(logger.equals("root") ? LoggingSystem.ROOT_LOGGER_NAME : logger,
                        environment.getProperty(key, value));
            }
        });
        // The engines log before any application, and their request logs are noise here
        // as in the services.
        levels.putIfAbsent("org.elasticmq", "WARN");
        return levels;
    }

}
