package dev.appointments.deploy.service;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.appointments.deploy.DeployApp;
import dev.appointments.deploy.DeploymentSettings;
import dev.appointments.deploy.SynthesizedStacks;
import dev.appointments.deploy.TemplateJson;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One load balancer in front of both HTTP services: reads go to the query-service, the
 * request-service's writes (intake, the appointment commands, provider admin) by method
 * and path, on HTTPS when a certificate is given.
 */
@SuppressWarnings("unchecked")
class ApiRoutingTemplateTests {

    private final TemplateJson template = new TemplateJson(SynthesizedStacks.singleRegion(), SynthesizedStacks.REGION);

    @Test
    void sendsEveryRequestToTheQueryServiceUnlessARuleTakesIt() {
        Map<String, Object> listener = template.ofType("AWS::ElasticLoadBalancingV2::Listener")
            .values()
            .iterator()
            .next();
        Object defaultGroup = ((List<Map<String, Object>>) listener.get("DefaultActions")).getFirst()
            .get("TargetGroupArn");
        assertThat(template.properties(TemplateJson.target(defaultGroup))).containsEntry("Port", 8080);
    }

    @Test
    void sendsBookingsToTheRequestService() {
        assertThat(rulesToTheRequestService()).anySatisfy(rule -> {
            assertThat(methods(rule)).containsExactly("POST");
            assertThat(paths(rule)).containsExactly("/api/appointment-requests");
        });
    }

    @Test
    void sendsEveryAppointmentCommandToTheRequestService() {
        List<String> commandPaths = rulesToTheRequestService().stream()
            .filter(rule -> methods(rule).equals(List.of("POST")))
            .flatMap(rule -> paths(rule).stream())
            .filter(path -> path.startsWith("/api/appointments/"))
            .toList();
        assertThat(commandPaths).containsExactlyInAnyOrderElementsOf(
                Stream.of("reschedule", "cancel", "confirm", "decline", "complete", "no-show")
                    .map(command -> "/api/appointments/*/" + command)
                    .toList());
    }

    @Test
    void sendsProviderAdministrationButNoProviderReadToTheRequestService() {
        assertThat(rulesToTheRequestService()).anySatisfy(rule -> {
            assertThat(methods(rule)).containsExactlyInAnyOrder("PUT", "POST", "DELETE");
            assertThat(paths(rule)).containsExactlyInAnyOrder("/api/providers", "/api/providers/*");
        });
        // A provider, its free slots and every outcome are read from the query-service.
        assertThat(rulesToTheRequestService()).allSatisfy(rule -> assertThat(methods(rule)).doesNotContain("GET"));
    }

    @Test
    void keepsEveryRuleWithinTheLoadBalancersLimits() {
        List<Map<String, Object>> rules = List
            .copyOf(template.ofType("AWS::ElasticLoadBalancingV2::ListenerRule").values());
        assertThat(rules).allSatisfy(rule -> {
            assertThat(paths(rule)).hasSizeLessThanOrEqualTo(3);
            assertThat(methods(rule).size() + paths(rule).size()).isLessThanOrEqualTo(5);
        });
        assertThat(rules).extracting(rule -> rule.get("Priority")).doesNotHaveDuplicates();
    }

    @Test
    void checksTheRequestServicesReadinessAndLetsWaitingBookingsFinishOnADrainingTask() {
        Map<String, Object> group = template.properties(requestServiceTargetGroup());
        assertThat(group).containsEntry("HealthCheckPath", AppointmentService.READINESS_PATH);
        assertThat(group.get("TargetGroupAttributes").toString())
            .contains("Key=deregistration_delay.timeout_seconds, Value=35");
    }

    @Test
    void keepsAccessLogsOfTheLoadBalancer() {
        Map<String, Object> alb = template.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")
            .values()
            .iterator()
            .next();
        assertThat(alb.get("LoadBalancerAttributes").toString()).contains("Key=access_logs.s3.enabled, Value=true");
    }

    @Test
    void withoutACertificateWarnsThatTheApiIsPlainHttp() {
        Stack stack = stack(Map.of("region", SynthesizedStacks.REGION));
        Annotations.fromStack(stack).hasWarning("*", Match.stringLikeRegexp(".*plain HTTP.*certificateArn.*"));
    }

    @Test
    void withACertificateAndItsNameServesHttpsWithoutWarnings() {
        Stack stack = stack(Map.of("region", SynthesizedStacks.REGION, "certificateArn",
                SynthesizedStacks.CERTIFICATE_ARN, "publicBaseUrl", "https://appointments.example.org"));
        Annotations.fromStack(stack).hasNoWarning("*", Match.stringLikeRegexp(".*(plain HTTP|certificate).*"));
    }

    @Test
    void withACertificateButNoNameWarnsThatTheNameIsNotCovered() {
        Stack stack = stack(
                Map.of("region", SynthesizedStacks.REGION, "certificateArn", SynthesizedStacks.CERTIFICATE_ARN));
        Annotations.fromStack(stack).hasWarning("*", Match.stringLikeRegexp(".*publicBaseUrl.*"));
    }

    private List<Map<String, Object>> rulesToTheRequestService() {
        String requestGroup = requestServiceTargetGroup();
        return template.ofType("AWS::ElasticLoadBalancingV2::ListenerRule")
            .values()
            .stream()
            .filter(rule -> requestGroup.equals(TemplateJson
                .target(((List<Map<String, Object>>) rule.get("Actions")).getFirst().get("TargetGroupArn"))))
            .toList();
    }

    private String requestServiceTargetGroup() {
        return template.idOf("AWS::ElasticLoadBalancingV2::TargetGroup", "Port", AppointmentService.REQUEST.port());
    }

    private static List<String> methods(Map<String, Object> rule) {
        return values(rule, "http-request-method", "HttpRequestMethodConfig");
    }

    private static List<String> paths(Map<String, Object> rule) {
        return values(rule, "path-pattern", "PathPatternConfig");
    }

    private static List<String> values(Map<String, Object> rule, String field, String config) {
        return ((List<Map<String, Object>>) rule.get("Conditions")).stream()
            .filter(condition -> field.equals(condition.get("Field")))
            .flatMap(condition -> ((List<String>) ((Map<String, Object>) condition.get(config)).get("Values")).stream())
            .toList();
    }

    private static Stack stack(Map<String, String> context) {
        App app = App.Builder.create().outdir("target/cdk.out/routing-" + Math.abs(context.hashCode())).build();
        return DeployApp.define(app, DeploymentSettings.fromContext(context::get, null, null));
    }

}
