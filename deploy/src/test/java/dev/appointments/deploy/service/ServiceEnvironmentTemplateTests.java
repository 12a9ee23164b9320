package dev.appointments.deploy.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.appointments.deploy.SynthesizedStacks;
import dev.appointments.deploy.TemplateJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value a service reads from its environment behind the load balancer is wired from
 * the stack: the outcome links and CORS origin of the request-service, the patient page's
 * sign-in and booking addresses, the issuer, tracing.
 */
@SuppressWarnings("unchecked")
class ServiceEnvironmentTemplateTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    /**
     * Read by the local profile only (loopback ports of the local run), or with a default
     * that holds in production.
     */
    private static final Set<String> NOT_NEEDED_IN_PRODUCTION = Set.of("SQS_PORT", "DYNAMODB_PORT", "AUTH_SERVER_PORT",
            "QUERY_SERVICE_PORT", "REQUEST_SERVICE_PORT", "SMTP_PORT", "OTLP_METRICS_EXPORT_ENABLED", "SLOT_CACHE_TTL",
            "DR_GREY_WEBHOOK_SECRET", "OTLP_TRACING_ENDPOINT", "OTLP_TRACING_EXPORT_ENABLED");

    private final TemplateJson template = new TemplateJson(SynthesizedStacks.singleRegion(), SynthesizedStacks.REGION);

    @Test
    void requestServiceLinksOutcomesAndAllowsThePatientPageAtTheLoadBalancersAddress() {
        Map<String, Object> environment = environment(template, AppointmentService.REQUEST);
        assertThat(template.resolve(environment.get("APPOINTMENTS_REQUEST_OUTCOMEBASEURL"))).startsWith("http://")
            .contains("ServicesApiLoadBalancer");
        assertThat(environment.get("APPOINTMENTS_SECURITY_CORS_ALLOWEDORIGINS"))
            .isEqualTo(environment.get("APPOINTMENTS_REQUEST_OUTCOMEBASEURL"));
    }

    @Test
    void patientPageBooksBehindTheSameLoadBalancerAndSignsInAtTheIssuerUnlessToldOtherwise() {
        Map<String, Object> environment = environment(template, AppointmentService.QUERY);
        assertThat(environment.get("REQUEST_SERVICE_URL"))
            .isEqualTo(environment(template, AppointmentService.REQUEST).get("APPOINTMENTS_REQUEST_OUTCOMEBASEURL"));
        assertThat(environment.get("PATIENT_PAGE_AUTHORIZATION_ENDPOINT").toString())
            .contains("SignInAuthorizationEndpointEmpty")
            .contains("/oauth2/authorize")
            .contains("Ref=SignInAuthorizationEndpoint");
        assertThat(environment.get("PATIENT_PAGE_TOKEN_ENDPOINT").toString()).contains("SignInTokenEndpointEmpty")
            .contains("/oauth2/token");
        assertThat(environment).containsEntry("PATIENT_PAGE_CLIENT_ID", Map.of("Ref", "PatientWebClientId"));
    }

    @Test
    void withAPublicNameEveryAddressUsesIt() {
        var named = new TemplateJson(
                SynthesizedStacks.synthesize(Map.of("region", SynthesizedStacks.REGION, "certificateArn",
                        SynthesizedStacks.CERTIFICATE_ARN, "publicBaseUrl", "https://appointments.example.org")),
                SynthesizedStacks.REGION);
        assertThat(environment(named, AppointmentService.REQUEST))
            .containsEntry("APPOINTMENTS_REQUEST_OUTCOMEBASEURL", "https://appointments.example.org")
            .containsEntry("APPOINTMENTS_SECURITY_CORS_ALLOWEDORIGINS", "https://appointments.example.org");
        assertThat(environment(named, AppointmentService.QUERY)).containsEntry("REQUEST_SERVICE_URL",
                "https://appointments.example.org");
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void readsRolesFromTheClaimTheIssuerPutsThemIn(AppointmentService service) {
        assertThat(environment(template, service)).doesNotContainKey("APPOINTMENTS_SECURITY_CLAIMS_ROLES");
        var cognito = new TemplateJson(
                SynthesizedStacks
                    .synthesize(Map.of("region", SynthesizedStacks.REGION, "rolesClaim", "cognito:groups")),
                SynthesizedStacks.REGION);
        assertThat(environment(cognito, service)).containsEntry("APPOINTMENTS_SECURITY_CLAIMS_ROLES", "cognito:groups");
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void samplesATenthOfTracesAndExportsThemOnlyToAGivenCollector(AppointmentService service) {
        assertThat(environment(template, service)).containsEntry("TRACING_SAMPLING_PROBABILITY", "0.1")
            .doesNotContainKeys("OTLP_TRACING_ENDPOINT", "OTLP_TRACING_EXPORT_ENABLED");
        var exporting = new TemplateJson(
                SynthesizedStacks.synthesize(Map.of("region", SynthesizedStacks.REGION, "otlpTracingEndpoint",
                        "http://localhost:4318/v1/traces", "tracingSamplingProbability", "0.25")),
                SynthesizedStacks.REGION);
        assertThat(environment(exporting, service))
            .containsEntry("OTLP_TRACING_ENDPOINT", "http://localhost:4318/v1/traces")
            .containsEntry("OTLP_TRACING_EXPORT_ENABLED", "true")
            .containsEntry("TRACING_SAMPLING_PROBABILITY", "0.25");
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void setsEveryEnvironmentVariableTheServiceConfigurationReads(AppointmentService service) throws IOException {
        String name = service.serviceName();
        String configuration = Files.readString(Path.of("..", name, "src/main/resources", name + ".yml"));
        Set<String> read = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(configuration);
        while (placeholder.find()) {
            read.add(placeholder.group(1));
        }
        read.removeAll(NOT_NEEDED_IN_PRODUCTION);
        assertThat(environment(template, service).keySet()).as("environment of %s", name).containsAll(read);
    }

    static Map<String, Object> environment(TemplateJson template, AppointmentService service) {
        String task = template.idOf("AWS::ECS::TaskDefinition", "Family", service.serviceName());
        Map<String, Object> container = ((List<Map<String, Object>>) template.properties(task)
            .get("ContainerDefinitions")).getFirst();
        Map<String, Object> environment = new java.util.LinkedHashMap<>();
        for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("Environment")) {
            environment.put((String) variable.get("Name"), variable.get("Value"));
        }
        return environment;
    }

}
