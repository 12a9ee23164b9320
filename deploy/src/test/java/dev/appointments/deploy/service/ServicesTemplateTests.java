package dev.appointments.deploy.service;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.appointments.deploy.SynthesizedStacks;
import dev.appointments.deploy.TemplateJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@SuppressWarnings("unchecked")
class ServicesTemplateTests {

    private final TemplateJson template = new TemplateJson(SynthesizedStacks.singleRegion(), SynthesizedStacks.REGION);

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void runsEachServiceFromItsEcrImageWithTheTagParameter(AppointmentService service) {
        Map<String, Object> container = container(service);
        assertThat(template.resolve(container.get("Image"))).isEqualTo("A.dkr.ecr." + SynthesizedStacks.REGION
                + ".amazonaws.com/appointments/" + service.serviceName() + ":${ImageTag}");
        assertThat(container.get("PortMappings").toString()).contains("ContainerPort=" + service.port());
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void configuresEachServiceForProductionQueuesAndTokens(AppointmentService service) {
        Map<String, Object> environment = environment(service);
        assertThat(environment).containsEntry("SPRING_CLOUD_STREAM_SQS_BINDER_AUTO_CREATE_QUEUES", "false")
            .containsEntry("TOKEN_ISSUER_URI", Map.of("Ref", "TokenIssuerUri"))
            .containsEntry("AWS_REGION", SynthesizedStacks.REGION);
    }

    @Test
    void givesTheReminderServiceAnSmtpRelayOverStartTls() {
        assertThat(environment(AppointmentService.REMINDER))
            .containsEntry("MAIL_HOST", "email-smtp." + SynthesizedStacks.REGION + ".amazonaws.com")
            .containsEntry("MAIL_PORT", "587")
            .containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED", "true");
    }

    @ParameterizedTest
    @EnumSource(AppointmentService.class)
    void restartsATaskOnlyWhenItsLivenessProbeFails(AppointmentService service) {
        Map<String, Object> healthCheck = (Map<String, Object>) container(service).get("HealthCheck");
        assertThat(healthCheck.get("Command").toString()).contains("/dev/tcp/127.0.0.1/" + service.port())
            .contains("GET /actuator/health/liveness HTTP/1.0");
    }

    @Test
    void sendsTrafficOnlyToReadyTasksOfTheQueryAndRequestServicesBehindOnePublicLoadBalancer() {
        assertThat(template.ofType("AWS::ElasticLoadBalancingV2::TargetGroup").values()).hasSize(2)
            .allSatisfy(group -> assertThat(group.get("HealthCheckPath")).isEqualTo("/actuator/health/readiness"))
            .extracting(group -> group.get("Port"))
            .containsExactlyInAnyOrder(8080, 8081);
        assertThat(template.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer").values()).singleElement()
            .satisfies(alb -> assertThat(alb.get("Scheme")).isEqualTo("internet-facing"));
        for (AppointmentService service : List.of(AppointmentService.QUERY, AppointmentService.REQUEST)) {
            String id = template.idOf("AWS::ECS::Service", "ServiceName", service.serviceName());
            assertThat(template.properties(id)).containsKey("LoadBalancers");
        }
        assertThat(template.ofType("AWS::ECS::Service").values())
            .filteredOn(service -> service.containsKey("LoadBalancers"))
            .hasSize(2);
    }

    @Test
    void runsTasksInPrivateSubnetsAndRollsBackFailedDeployments() {
        assertThat(template.ofType("AWS::ECS::Service").values()).hasSize(4).allSatisfy(service -> {
            assertThat(service.get("LaunchType")).isEqualTo("FARGATE");
            assertThat(service.get("NetworkConfiguration").toString()).contains("AssignPublicIp=DISABLED");
            assertThat(service.get("DeploymentConfiguration").toString())
                .contains("DeploymentCircuitBreaker={Enable=true, Rollback=true}");
            assertThat(service.get("DesiredCount")).isEqualTo(2);
        });
    }

    @Test
    void withACertificateListensOnHttpsAndRedirectsHttp() {
        var options = new TemplateJson(SynthesizedStacks.withOptions(), SynthesizedStacks.REGION);
        assertThat(options.ofType("AWS::ElasticLoadBalancingV2::Listener").values())
            .extracting(listener -> listener.get("Port"), listener -> listener.get("Protocol"))
            .containsExactlyInAnyOrder(tuple(443, "HTTPS"), tuple(80, "HTTP"));
        assertThat(options.ofType("AWS::ElasticLoadBalancingV2::Listener").values().toString())
            .contains(SynthesizedStacks.CERTIFICATE_ARN)
            .contains("redirect");
    }

    @Test
    void givesOnlyTheReminderServiceTheSmtpCredentialsThroughItsExecutionRole() {
        var options = new TemplateJson(SynthesizedStacks.withOptions(), SynthesizedStacks.REGION);
        for (AppointmentService service : AppointmentService.values()) {
            Map<String, Object> container = container(options, service);
            if (service == AppointmentService.REMINDER) {
                assertThat(container.get("Secrets").toString()).contains("SPRING_MAIL_USERNAME", "SPRING_MAIL_PASSWORD",
                        SynthesizedStacks.SMTP_SECRET_ARN);
            }
            else {
                assertThat(container).doesNotContainKey("Secrets");
            }
        }
        // The task role (what the application may call) stays exactly the README's
        // policy.
        assertThat(TaskRolesTemplateTests.permissions(options, AppointmentService.REMINDER))
            .isEqualTo(TaskRolesTemplateTests.permissions(template, AppointmentService.REMINDER))
            .noneMatch(permission -> permission.startsWith("secretsmanager:"));
    }

    @Test
    void withoutNatGatewaysRunsTasksInPublicSubnetsWithPublicAddresses() {
        var options = new TemplateJson(SynthesizedStacks.withOptions(), SynthesizedStacks.REGION);
        assertThat(options.ofType("AWS::EC2::NatGateway")).isEmpty();
        assertThat(options.ofType("AWS::ECS::Service").values())
            .allSatisfy(service -> assertThat(service.get("NetworkConfiguration").toString())
                .contains("AssignPublicIp=ENABLED"));
        assertThat(options.ofType("AWS::SNS::Subscription").values()).singleElement()
            .satisfies(subscription -> assertThat(subscription.get("Endpoint")).isEqualTo("ops@example.org"));
    }

    private Map<String, Object> container(AppointmentService service) {
        return container(template, service);
    }

    private static Map<String, Object> container(TemplateJson template, AppointmentService service) {
        String id = template.idOf("AWS::ECS::TaskDefinition", "Family", service.serviceName());
        List<Map<String, Object>> containers = (List<Map<String, Object>>) template.properties(id)
            .get("ContainerDefinitions");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private Map<String, Object> environment(AppointmentService service) {
        return ((List<Map<String, Object>>) container(service).get("Environment")).stream()
            .collect(Collectors.toMap(variable -> (String) variable.get("Name"), variable -> variable.get("Value")));
    }

}
