package dev.appointments.deploy.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.appointments.deploy.service.AppointmentService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where the build runs, so docker-compose.yml is checked as a file:
 * it parses, every container is pinned, health-checked and memory-limited, starts in
 * health order, and the services get every setting their configuration reads from the
 * environment.
 */
@SuppressWarnings("unchecked")
class DockerComposeTests {

    static final Path ROOT = Path.of("..");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private static final Pattern POM_VERSION = Pattern
        .compile("<artifactId>appointment-scheduling</artifactId>\\s*<version>([^<]+)</version>");

    /**
     * Placeholders of the services' configuration files that compose need not set: each
     * is read only by the local profile for a loopback address that compose overrides by
     * setting the property itself, or has a default that holds in compose.
     */
    private static final Set<String> NOT_NEEDED_IN_COMPOSE = Set.of("SQS_PORT", "DYNAMODB_PORT", "AUTH_SERVER_PORT",
            "QUERY_SERVICE_PORT", "REQUEST_SERVICE_PORT", "SMTP_PORT", "MAIL_HOST", "MAIL_PORT",
            "OTLP_METRICS_EXPORT_ENABLED", "SLOT_CACHE_TTL", "PATIENT_PAGE_CLIENT_ID", "DR_GREY_WEBHOOK_SECRET");

    private static Map<String, Object> compose;

    private static Map<String, Object> services;

    @BeforeAll
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
            services = (Map<String, Object>) compose.get("services");
        }
    }

    @Test
    void runsTheEnginesTheIssuerTheFourServicesAndMonitoringWithoutLocalStack() {
        assertThat(services).containsOnlyKeys("elasticmq", "dynamodb-engine", "provision", "auth-server", "mailpit",
                "query-service", "request-service", "confirmation-service", "reminder-service", "prometheus",
                "grafana");
    }

    @Test
    void pinsEveryImageAndTakesTheProjectsImagesAtThePomVersion() throws IOException {
        Matcher version = POM_VERSION.matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        services.forEach((name, definition) -> {
            String image = (String) ((Map<String, Object>) definition).get("image");
            assertThat(image).as(name).isNotNull().doesNotEndWith(":latest").matches(".+:[^/]+");
            if (image.startsWith("appointments/")) {
                assertThat(image).as(name).endsWith(":${APPOINTMENTS_VERSION:-" + version.group(1) + "}");
            }
        });
        assertThat(image("elasticmq")).startsWith("softwaremill/elasticmq-native:");
        assertThat(image("dynamodb-engine")).startsWith("appointments/dynamodb-engine:");
    }

    @Test
    void everyLongRunningContainerIsHealthCheckedMemoryLimitedAndStoppedWithGrace() {
        services.forEach((name, definition) -> {
            Map<String, Object> service = (Map<String, Object>) definition;
            assertThat(service).as(name).containsKey("mem_limit");
            if (!name.equals("provision")) {
                assertThat(service).as(name).containsKeys("healthcheck", "stop_grace_period");
                assertThat(((Map<String, Object>) service.get("healthcheck")).get("test")).as(name).isNotNull();
            }
        });
        assertThat(service("provision")).containsEntry("restart", "no");
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void serviceHasTheProductionTaskMemoryAndAGracePeriodLongerThanItsGracefulShutdown(AppointmentService definition) {
        Map<String, Object> service = service(definition.serviceName());
        assertThat(service).containsEntry("mem_limit", "1g");
        // Spring's graceful shutdown waits up to 30 s
        // (spring.lifecycle.timeout-per-shutdown-phase).
        assertThat(seconds((String) service.get("stop_grace_period"))).isGreaterThan(30);
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void serviceStartsOnceQueuesTablesAndIssuerAreThereAndIsHealthyWhenReady(AppointmentService definition) {
        Map<String, Object> service = service(definition.serviceName());
        Map<String, Object> dependsOn = (Map<String, Object>) service.get("depends_on");
        assertThat(dependsOn.get("provision")).isEqualTo(Map.of("condition", "service_completed_successfully"));
        assertThat(dependsOn.get("auth-server")).isEqualTo(Map.of("condition", "service_healthy"));
        assertThat((List<String>) service.get("ports"))
            .containsExactly("127.0.0.1:" + definition.port() + ":" + definition.port());
        assertThat(((Map<String, Object>) service.get("healthcheck")).get("test").toString())
            .contains("/dev/tcp/127.0.0.1/" + definition.port())
            .contains("GET " + AppointmentService.READINESS_PATH);
        Map<String, Object> provision = (Map<String, Object>) service("provision").get("depends_on");
        assertThat(provision).containsEntry("elasticmq", Map.of("condition", "service_healthy"))
            .containsEntry("dynamodb-engine", Map.of("condition", "service_healthy"));
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void serviceReachesTheEnginesAndChecksTokensOfTheIssuerTheBrowserUses(AppointmentService definition) {
        Map<String, Object> environment = environment(definition.serviceName());
        String issuer = (String) environment("auth-server").get("LOCAL_AUTH_SERVER_ISSUER");
        assertThat(environment).containsEntry("SPRING_CLOUD_AWS_SQS_ENDPOINT", "http://elasticmq:9324")
            .containsEntry("SPRING_CLOUD_AWS_DYNAMODB_ENDPOINT", "http://dynamodb-engine:8000")
            .containsEntry("SPRING_CLOUD_STREAM_SQS_BINDER_AUTO_CREATE_QUEUES", "false")
            .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", issuer)
            .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", "http://auth-server:9000/oauth2/jwks")
            .containsEntry("SPRING_PROFILES_ACTIVE", "${DEMO_PROFILE:-local}")
            .containsKeys("AWS_REGION", "SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY", "TOKEN_ISSUER_URI");
        assertThat(issuer).isEqualTo("http://127.0.0.1:9000");
        assertThat((List<String>) service("auth-server").get("ports")).containsExactly("127.0.0.1:9000:9000");
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void setsEveryEnvironmentVariableTheServiceConfigurationReads(AppointmentService definition) throws IOException {
        String name = definition.serviceName();
        String configuration = Files.readString(ROOT.resolve(name).resolve("src/main/resources/" + name + ".yml"));
        Set<String> read = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(configuration);
        while (placeholder.find()) {
            read.add(placeholder.group(1));
        }
        read.removeAll(NOT_NEEDED_IN_COMPOSE);
        assertThat(environment(name).keySet()).as("environment of %s", name).containsAll(read);
    }

    @Test
    void patientPageSignsInAtTheIssuerAndBooksAtTheRequestServiceAsTheBrowserSeesThem() {
        assertThat(environment("query-service"))
            .containsEntry("PATIENT_PAGE_AUTHORIZATION_ENDPOINT", "http://127.0.0.1:9000/oauth2/authorize")
            .containsEntry("PATIENT_PAGE_TOKEN_ENDPOINT", "http://127.0.0.1:9000/oauth2/token")
            .containsEntry("REQUEST_SERVICE_URL", "http://127.0.0.1:8081");
        assertThat(environment("request-service"))
            .containsEntry("APPOINTMENTS_REQUEST_OUTCOMEBASEURL", "http://127.0.0.1:8080")
            .containsEntry("APPOINTMENTS_SECURITY_CORS_ALLOWEDORIGINS", "http://127.0.0.1:8080");
        assertThat(environment("auth-server")).containsEntry("PATIENT_WEB_REDIRECT_URI", "http://127.0.0.1:8080/");
    }

    @Test
    void provisionRunsTheGeneratedScriptAgainstElasticMqAndTheEngine() {
        Map<String, Object> provision = service("provision");
        assertThat((List<String>) provision.get("volumes")).singleElement().satisfies(volume -> {
            String hostPath = volume.substring(0, volume.indexOf(':'));
            assertThat(ROOT.resolve(hostPath).normalize()).isEqualTo(LocalStackInitScriptTests.SCRIPT.normalize());
        });
        assertThat(environment("provision")).containsEntry("AWS_ENDPOINT_URL_SQS", "http://elasticmq:9324")
            .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", "http://dynamodb-engine:8000");
        assertThat(provision.get("entrypoint").toString()).contains("awslocal()").contains("provision-resources.sh");
    }

    @Test
    void elasticMqNamesItsQueuesWithTheHostTheOtherContainersCall() throws IOException {
        List<String> volumes = (List<String>) service("elasticmq").get("volumes");
        assertThat(volumes).singleElement().asString().endsWith(":/opt/elasticmq.conf:ro");
        String config = Files
            .readString(ROOT.resolve(volumes.getFirst().substring(0, volumes.getFirst().indexOf(':'))));
        assertThat(config).contains("host = elasticmq")
            .contains("port = 9324")
            .contains("generate-node-address = false");
    }

    @Test
    void engineKeepsItsDataInAVolume() {
        Map<String, Object> engine = service("dynamodb-engine");
        assertThat((List<String>) engine.get("command")).containsSubsequence("--port", "8000")
            .containsSubsequence("--data-dir", "/data");
        assertThat((List<String>) engine.get("volumes")).containsExactly("dynamodb-data:/data");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey("dynamodb-data");
    }

    @Test
    void reminderServiceSendsMailToTheMailCatcher() {
        assertThat(environment("reminder-service")).containsEntry("SPRING_MAIL_HOST", "mailpit")
            .containsEntry("SPRING_MAIL_PORT", "1025");
        assertThat(((Map<String, Object>) service("reminder-service").get("depends_on")).get("mailpit"))
            .isEqualTo(Map.of("condition", "service_healthy"));
    }

    @Test
    void prometheusScrapesEveryServiceWithAnOpsTokenAndLoadsTheAlertRules() throws IOException {
        Map<String, Object> prometheus = service("prometheus");
        List<String> volumes = (List<String>) prometheus.get("volumes");
        assertThat(volumes).contains("./deploy/prometheus:/etc/prometheus/rules:ro");
        String configFile = volumes.stream()
            .filter(volume -> volume.endsWith(":/etc/prometheus/prometheus.yml:ro"))
            .findFirst()
            .orElseThrow();
        Map<String, Object> config;
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(configFile.substring(0, configFile.indexOf(':'))))) {
            config = new Yaml().load(reader);
        }
        assertThat((List<String>) config.get("rule_files")).containsExactly("/etc/prometheus/rules/alerts.yml",
                "/etc/prometheus/rules/scrape-alerts.yml");
        assertThat(ROOT.resolve("deploy/prometheus/alerts.yml")).exists();
        assertThat(ROOT.resolve("deploy/prometheus/scrape-alerts.yml")).exists();
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        for (AppointmentService service : AppointmentService.values()) {
            Map<String, Object> job = jobs.stream()
                .filter(candidate -> service.serviceName().equals(candidate.get("job_name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service));
            assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
            assertThat(job.get("static_configs").toString()).contains(service.serviceName() + ":" + service.port());
            assertThat((Map<String, Object>) job.get("oauth2")).containsEntry("client_id", "demo-ops")
                .containsEntry("token_url", "http://auth-server:9000/oauth2/token");
        }
    }

    @Test
    void grafanaIsProvisionedWithPrometheusAndTheDashboard() {
        List<String> volumes = (List<String>) service("grafana").get("volumes");
        assertThat(volumes).contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./deploy/grafana:/var/lib/grafana/dashboards:ro");
        assertThat(ROOT.resolve("deploy/grafana/appointments-dashboard.json")).exists();
        assertThat(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")).exists();
        assertThat(ROOT.resolve("deploy/grafana/provisioning/dashboards/appointments.yml")).exists();
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void recordsEveryTraceLocallyAndExportsThemOnlyWhenSwitchedOn(AppointmentService definition) {
        assertThat(environment(definition.serviceName())).containsEntry("TRACING_SAMPLING_PROBABILITY", "1.0")
            .containsEntry("OTLP_TRACING_EXPORT_ENABLED", "${OTLP_TRACING_EXPORT_ENABLED:-false}");
    }

    @Test
    void publishesEveryPortOnLoopbackOnly() {
        services.forEach((name, definition) -> {
            List<String> ports = (List<String>) ((Map<String, Object>) definition).get("ports");
            if (ports != null) {
                assertThat(ports).as(name).allMatch(port -> port.startsWith("127.0.0.1:"));
            }
        });
    }

    private static int seconds(String duration) {
        assertThat(duration).endsWith("s");
        return Integer.parseInt(duration.substring(0, duration.length() - 1));
    }

    private static String image(String name) {
        return (String) service(name).get("image");
    }

    private static Map<String, Object> environment(String name) {
        return (Map<String, Object>) service(name).get("environment");
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = (Map<String, Object>) services.get(name);
        assertThat(service).as(name).isNotNull();
        return service;
    }

}
