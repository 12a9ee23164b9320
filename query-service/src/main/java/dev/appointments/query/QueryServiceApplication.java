package dev.appointments.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The query-service: see the module's README for what it consumes and owns.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryServiceApplication {

    /**
     * Name of this service's configuration file ({@code query-service.yml} on the
     * classpath).
     */
    public static final String CONFIG_NAME = "query-service";

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The application, reading its own configuration file so it can share a JVM with the
     * others.
     */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(QueryServiceApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }

}
