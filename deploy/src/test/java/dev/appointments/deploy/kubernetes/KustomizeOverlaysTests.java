package dev.appointments.deploy.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.appointments.deploy.local.LocalStackInitScript;
import dev.appointments.deploy.service.AppointmentService;
import dev.appointments.resources.Queues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.appointments.deploy.kubernetes.RenderedOverlay.container;
import static dev.appointments.deploy.kubernetes.RenderedOverlay.name;
import static dev.appointments.deploy.kubernetes.RenderedOverlay.path;
import static dev.appointments.deploy.kubernetes.RenderedOverlay.podSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every kustomize overlay of deploy/kubernetes, rendered by {@code kubectl kustomize}
 * (the build keeps the output in target/kubernetes/), checked object by object: probes on
 * the real actuator paths and ports, graceful termination, resources, every environment
 * variable a service's configuration reads, queue-depth scaling on the queues of
 * aws-resources, disruption budgets and service accounts for IAM roles. Skipped where
 * kubectl is not installed.
 */
@SuppressWarnings("unchecked")
class KustomizeOverlaysTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    /**
     * Read only by the local profile for loopback ports that the overlays override, or
     * with defaults that hold.
     */
    private static final Set<String> NOT_NEEDED = Set.of("SQS_PORT", "DYNAMODB_PORT", "AUTH_SERVER_PORT",
            "QUERY_SERVICE_PORT", "REQUEST_SERVICE_PORT", "SMTP_PORT", "OTLP_METRICS_EXPORT_ENABLED", "SLOT_CACHE_TTL",
            "DR_GREY_WEBHOOK_SECRET");

    private static final Map<String, RenderedOverlay> rendered = new java.util.HashMap<>();

    @BeforeAll
    static void render() {
        assumeTrue(RenderedOverlay.kubectlAvailable(), "kubectl is not installed: the overlays are not rendered");
        for (String overlay : List.of("base", "overlays/local", "overlays/production")) {
            rendered.put(overlay, RenderedOverlay.render(overlay));
        }
    }

    static Stream<Arguments> servicesInOverlays() {
        return Stream.of("base", "overlays/local", "overlays/production")
            .flatMap(overlay -> Stream.of(AppointmentService.values()).map(service -> Arguments.of(overlay, service)));
    }

    @ParameterizedTest
    @MethodSource("servicesInOverlays")
    void probesAskTheActuatorGroupsOnTheServicePort(String overlay, AppointmentService service) {
        Map<String, Object> container = container(rendered.get(overlay).get("Deployment", service.serviceName()));
        List<Map<String, Object>> ports = (List<Map<String, Object>>) container.get("ports");
        assertThat(ports).singleElement().satisfies(port -> {
            assertThat(port).containsEntry("name", "http").containsEntry("containerPort", service.port());
        });
        assertThat(path(container, "readinessProbe", "httpGet"))
            .containsEntry("path", AppointmentService.READINESS_PATH)
            .containsEntry("port", "http");
        assertThat(path(container, "livenessProbe", "httpGet")).containsEntry("path", AppointmentService.LIVENESS_PATH)
            .containsEntry("port", "http");
        assertThat(path(container, "startupProbe", "httpGet")).containsEntry("path", AppointmentService.LIVENESS_PATH);
        Map<String, Object> serviceObject = rendered.get(overlay).get("Service", service.serviceName());
        assertThat(((List<Map<String, Object>>) path(serviceObject, "spec").get("ports")).getFirst())
            .containsEntry("port", service.port())
            .containsEntry("targetPort", "http");
    }

    @ParameterizedTest
    @MethodSource("servicesInOverlays")
    void terminatesGracefullyWithinItsResourcesAsAnUnprivilegedUser(String overlay, AppointmentService service) {
        Map<String, Object> deployment = rendered.get(overlay).get("Deployment", service.serviceName());
        Map<String, Object> pod = podSpec(deployment);
        // Spring's graceful shutdown waits up to 30 s, after the preStop pause.
        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(35);
        Map<String, Object> container = container(deployment);
        assertThat(path(container, "lifecycle", "preStop")).containsKey("exec");
        assertThat(path(container, "resources", "requests")).containsKeys("cpu", "memory");
        assertThat(path(container, "resources", "limits")).containsEntry("memory", "1Gi");
        assertThat(path(pod, "securityContext")).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001);
        assertThat(pod).containsEntry("serviceAccountName", service.serviceName());
        assertThat(rendered.get(overlay).find("ServiceAccount", service.serviceName())).isPresent();
    }

    @ParameterizedTest
    @MethodSource("servicesInOverlays")
    void setsEveryEnvironmentVariableTheServiceConfigurationReads(String overlay, AppointmentService service)
            throws IOException {
        String name = service.serviceName();
        String configuration = Files.readString(Path.of("..", name, "src/main/resources", name + ".yml"));
        Set<String> read = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(configuration);
        while (placeholder.find()) {
            read.add(placeholder.group(1));
        }
        read.removeAll(NOT_NEEDED);
        assertThat(environment(rendered.get(overlay), service)).as("environment of %s in %s", name, overlay)
            .containsAll(read);
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/production" })
    void scalesEachConsumerOnTheDepthOfItsOwnQueue(String overlay) {
        RenderedOverlay objects = rendered.get(overlay);
        for (AppointmentService service : AppointmentService.values()) {
            if (service.consumedQueue().isEmpty()) {
                continue;
            }
            Map<String, Object> scaledObject = objects.get("ScaledObject", service.serviceName());
            Map<String, Object> spec = path(scaledObject, "spec");
            assertThat(path(spec, "scaleTargetRef")).containsEntry("name", service.serviceName());
            Map<String, Object> trigger = ((List<Map<String, Object>>) spec.get("triggers")).getFirst();
            assertThat(trigger).containsEntry("type", "aws-sqs-queue");
            assertThat(path(trigger, "metadata")).containsEntry("queueURL", service.consumedQueue().orElseThrow());
            assertThat(path(trigger, "authenticationRef")).containsEntry("name", "appointments-sqs");
        }
        assertThat(objects.ofKind("ScaledObject")).hasSize(3);
        Set<String> queues = new HashSet<>();
        objects.ofKind("ScaledObject")
            .forEach(object -> queues
                .add((String) path(((List<Map<String, Object>>) path(object, "spec").get("triggers")).getFirst(),
                        "metadata")
                    .get("queueURL")));
        assertThat(queues).containsExactlyInAnyOrder(Queues.APPOINTMENT_REQUESTS, Queues.APPOINTMENT_CONFIRMATIONS,
                Queues.APPOINTMENT_REMINDERS);
        assertThat(objects.find("TriggerAuthentication", "appointments-sqs")).isPresent();
        Map<String, Object> hpa = objects.get("HorizontalPodAutoscaler", AppointmentService.QUERY.serviceName());
        assertThat(path(hpa, "spec", "scaleTargetRef")).containsEntry("name", AppointmentService.QUERY.serviceName());
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/production" })
    void keepsOnePodOfEveryServiceThroughVoluntaryDisruptions(String overlay) {
        for (AppointmentService service : AppointmentService.values()) {
            Map<String, Object> budget = rendered.get(overlay).get("PodDisruptionBudget", service.serviceName());
            assertThat(path(budget, "spec")).containsEntry("minAvailable", 1);
            assertThat(path(budget, "spec", "selector", "matchLabels")).containsEntry("app.kubernetes.io/name",
                    service.serviceName());
        }
    }

    @Test
    void productionBindsEachServiceAccountToItsIamRoleAndPullsReleaseImagesFromEcr() {
        RenderedOverlay production = rendered.get("overlays/production");
        for (AppointmentService service : AppointmentService.values()) {
            Map<String, Object> account = production.get("ServiceAccount", service.serviceName());
            assertThat((Map<String, Object>) RenderedOverlay.metadata(account).get("annotations")).containsEntry(
                    "eks.amazonaws.com/role-arn",
                    "arn:aws:iam::123456789012:role/appointments-" + service.serviceName());
            String image = (String) container(production.get("Deployment", service.serviceName())).get("image");
            assertThat(image)
                .matches("\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/appointments/" + service.serviceName()
                        + ":[^:]+")
                .doesNotEndWith(":latest");
        }
        assertThat(production.all()).allSatisfy(object -> {
            if (!"Namespace".equals(object.get("kind"))) {
                assertThat(RenderedOverlay.metadata(object)).containsEntry("namespace", "appointments");
            }
        });
        assertThat(environment(production, AppointmentService.REMINDER)).contains("SPRING_MAIL_USERNAME",
                "SPRING_MAIL_PASSWORD");
    }

    @Test
    void localRunsTheEnginesTheIssuerAndOnePodEachWithoutKeda() {
        RenderedOverlay local = rendered.get("overlays/local");
        assertThat(local.ofKind("ScaledObject")).isEmpty();
        assertThat(local.ofKind("HorizontalPodAutoscaler")).isEmpty();
        for (String engine : List.of("elasticmq", "dynamodb-engine", "auth-server", "mailpit")) {
            assertThat(local.find("Deployment", engine)).as(engine).isPresent();
            assertThat(local.find("Service", engine)).as(engine).isPresent();
        }
        for (AppointmentService service : AppointmentService.values()) {
            assertThat(path(local.get("Deployment", service.serviceName()), "spec")).containsEntry("replicas", 1);
            assertThat((String) container(local.get("Deployment", service.serviceName())).get("image"))
                .isEqualTo("appointments/" + service.serviceName() + ":0.1.0-SNAPSHOT");
        }
        Map<String, Object> config = local.get("ConfigMap", "appointments-config");
        assertThat((Map<String, Object>) config.get("data"))
            .containsEntry("SPRING_CLOUD_AWS_SQS_ENDPOINT", "http://elasticmq:9324")
            .containsEntry("SPRING_CLOUD_AWS_DYNAMODB_ENDPOINT", "http://dynamodb-engine:8000")
            .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI",
                    "http://auth-server:9000/oauth2/jwks");
    }

    @Test
    void localProvisionsTheQueuesAndTablesWithTheGeneratedScript() throws IOException {
        assertThat(Files.readString(Path.of("..", LocalStackInitScript.PATH)))
            .as("%s is stale: regenerate it with LocalStackInitScript (deploy/README.md)", LocalStackInitScript.PATH)
            .isEqualTo(LocalStackInitScript.render());
        RenderedOverlay local = rendered.get("overlays/local");
        Map<String, Object> job = local.get("Job", "provision-resources");
        String scriptMap = (String) path(((List<Map<String, Object>>) podSpec(job).get("volumes")).getFirst(),
                "configMap")
            .get("name");
        Map<String, Object> script = local.get("ConfigMap", scriptMap);
        assertThat(((Map<String, String>) script.get("data")).get("provision-resources.sh"))
            .isEqualTo(LocalStackInitScript.render());
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/local", "overlays/production" })
    void everyImageOfAnOverlayIsTagged(String overlay) {
        RenderedOverlay objects = rendered.get(overlay);
        Stream.concat(objects.ofKind("Deployment").stream(), objects.ofKind("Job").stream()).forEach(workload -> {
            String image = (String) container(workload).get("image");
            if (!overlay.equals("base")) {
                assertThat(image).as(name(workload)).matches(".+:[^/:]+").doesNotEndWith(":latest");
            }
        });
    }

    /**
     * Names of the variables a service's container gets: its own env and the ConfigMaps
     * of its envFrom.
     */
    private static Set<String> environment(RenderedOverlay objects, AppointmentService service) {
        Map<String, Object> container = container(objects.get("Deployment", service.serviceName()));
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> variable : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
            names.add((String) variable.get("name"));
        }
        for (Map<String, Object> source : (List<Map<String, Object>>) container.getOrDefault("envFrom", List.of())) {
            String configMap = (String) path(source, "configMapRef").get("name");
            names.addAll(((Map<String, Object>) objects.get("ConfigMap", configMap).get("data")).keySet());
        }
        return names;
    }

}
