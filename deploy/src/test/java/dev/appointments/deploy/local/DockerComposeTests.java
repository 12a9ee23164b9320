package dev.appointments.deploy.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.appointments.deploy.service.AppointmentService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where the build runs, so docker-compose.yml and the Dockerfile are checked as files: they
 * parse, and they wire what the services and the definitions expect.
 */
@SuppressWarnings("unchecked")
class DockerComposeTests {

    private static final Path ROOT = Path.of("..");
    private static Map<String, Object> services;

    @BeforeAll
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Object>) compose.get("services");
        }
    }

    @Test
    void runsLocalStackAndTheFourServices() {
        assertThat(services).containsKeys("localstack", "query-service", "request-service", "confirmation-service",
                "reminder-service");
    }

    @Test
    void localStackRunsThePinnedImageWithTheGeneratedInitScript() {
        Map<String, Object> localstack = service("localstack");
        assertThat(localstack.get("image")).isEqualTo(LocalStackProvisioningIntegrationTests.IMAGE);
        assertThat(((Map<String, Object>) localstack.get("environment")).get("SERVICES").toString())
                .contains("sqs").contains("dynamodb");
        assertThat((List<String>) localstack.get("volumes")).singleElement().satisfies(volume -> {
            String hostPath = volume.substring(0, volume.indexOf(':'));
            assertThat(ROOT.resolve(hostPath).normalize()).isEqualTo(LocalStackInitScriptTests.SCRIPT.normalize());
            assertThat(volume).contains(":/etc/localstack/init/ready.d/");
        });
        assertThat(((Map<String, Object>) localstack.get("healthcheck")).get("test").toString())
                .contains("/_localstack/init/ready");
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void buildsEachServiceFromItsExecJar(AppointmentService definition) {
        Map<String, Object> build = (Map<String, Object>) service(definition.serviceName()).get("build");
        assertThat(build.get("context")).isEqualTo(".");
        assertThat(ROOT.resolve((String) build.get("dockerfile"))).exists();
        assertThat((Map<String, Object>) build.get("args")).containsEntry("SERVICE", definition.serviceName());
        assertThat(ROOT.resolve(definition.serviceName()).resolve("pom.xml")).exists();
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void wiresEachServiceToLocalStackWithTheQueuesCreatedBeforehand(AppointmentService definition) {
        Map<String, Object> service = service(definition.serviceName());
        Map<String, Object> environment = (Map<String, Object>) service.get("environment");
        assertThat(environment)
                .containsEntry("SPRING_CLOUD_AWS_SQS_ENDPOINT", "http://localstack:4566")
                .containsEntry("SPRING_CLOUD_AWS_DYNAMODB_ENDPOINT", "http://localstack:4566")
                .containsEntry("SPRING_CLOUD_STREAM_SQS_BINDER_AUTO_CREATE_QUEUES", "false")
                .containsKeys("AWS_REGION", "SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY", "TOKEN_ISSUER_URI");
        assertThat(service.get("depends_on").toString()).contains("localstack={condition=service_healthy}");
        assertThat((List<String>) service.get("ports"))
                .containsExactly("127.0.0.1:" + definition.port() + ":" + definition.port());
        assertThat(((Map<String, Object>) service.get("healthcheck")).get("test").toString())
                .contains("http://localhost:" + definition.port() + "/actuator/health/readiness");
    }

    @Test
    void reminderServiceSendsMailToTheMailCatcher() {
        assertThat((Map<String, Object>) service("reminder-service").get("environment"))
                .containsEntry("MAIL_HOST", "mailpit");
        assertThat(services).containsKey("mailpit");
    }

    @Test
    void dockerfileRunsTheExecJarOfTheNamedServiceOnJava21AsNonRoot() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("deploy/src/main/docker/service.Dockerfile"));
        assertThat(dockerfile).contains("FROM eclipse-temurin:21-jre\n", "ARG SERVICE\n", "USER 10001\n");
        String copied = AppointmentService.REQUEST.execJar().replace("request-service", "${SERVICE}");
        assertThat(dockerfile).contains("COPY " + copied + " app.jar");
        assertThat(Files.readString(ROOT.resolve("deploy/src/main/docker/service.Dockerfile.dockerignore")))
                .contains("!*-service/target/*-exec.jar");
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = (Map<String, Object>) services.get(name);
        assertThat(service).as(name).isNotNull();
        return service;
    }
}
