package dev.appointments.deploy.service;

import java.util.List;

import dev.appointments.deploy.DeploymentSettings;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetGroupsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.constructs.Construct;

/**
 * The public entry of both HTTP services: one internet-facing load balancer that sends
 * reads to the query-service (the default) and, by path and method, the writes to the
 * request-service: booking intake, the appointment commands and provider administration.
 * Traffic goes only to tasks whose readiness check passes. With a certificate it listens
 * on HTTPS and redirects HTTP; without one (a first deployment, a test account) on plain
 * HTTP, with a warning at synth.
 */
final class ApiLoadBalancer extends Construct {

    /**
     * The appointment commands of the request-service: {@code POST
     * /api/appointments/{id}/<command>}.
     */
    static final List<String> APPOINTMENT_COMMANDS = List.of("reschedule", "cancel", "confirm", "decline", "complete",
            "no-show");

    private final ApplicationLoadBalancer loadBalancer;

    private final ApplicationListener listener;

    private final String baseUrl;

    private ApplicationTargetGroup queryTargetGroup;

    ApiLoadBalancer(Construct scope, String id, IVpc vpc, DeploymentSettings settings) {
        super(scope, id);
        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
            .vpc(vpc)
            .internetFacing(true)
            .dropInvalidHeaderFields(true)
            .build();
        // Access logs: who called what, for incident analysis; kept 90 days. SSE-S3 is
        // what ELB can write to.
        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
            .encryption(BucketEncryption.S3_MANAGED)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(90)).build()))
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
        loadBalancer.logAccessLogs(accessLogs, "api");
        NagSuppressions.addResourceSuppressions(accessLogs,
                List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-S1")
                    .reason("This bucket is the destination of the load balancer's access logs; logging access to the "
                            + "access logs would need a second bucket for little gain")
                    .build()),
                true);
        NagSuppressions.addResourceSuppressions(loadBalancer,
                List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-EC23")
                    .reason("The public API: patients' browsers and producers call it from anywhere, on 443 (and 80, "
                            + "redirected) only; every route but health needs a token")
                    .build()),
                true);
        if (settings.certificateArn() != null) {
            listener = loadBalancer.addListener("Https",
                    BaseApplicationListenerProps.builder()
                        .port(443)
                        .protocol(ApplicationProtocol.HTTPS)
                        .certificates(List.of(ListenerCertificate.fromArn(settings.certificateArn())))
                        .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                        .build());
            loadBalancer.addRedirect();
            if (settings.publicBaseUrl() == null) {
                Annotations.of(this)
                    .addWarningV2("appointments:certificateName", "A certificate but no publicBaseUrl: "
                            + "the services and the patient page use the load balancer's own name, which the certificate "
                            + "does not cover. Point a DNS name at the load balancer and pass -c publicBaseUrl=https://<name>.");
            }
        }
        else {
            listener = loadBalancer.addListener("Http",
                    BaseApplicationListenerProps.builder().port(80).protocol(ApplicationProtocol.HTTP).build());
            Annotations.of(this)
                .addWarningV2("appointments:plainHttp",
                        "No certificateArn: the API listens on plain "
                                + "HTTP, so access tokens and patients' data cross the internet unencrypted. Pass "
                                + "-c certificateArn=<ACM certificate ARN> for HTTPS (and HTTP redirected to it).");
        }
        baseUrl = settings.publicBaseUrl() != null ? settings.publicBaseUrl()
                : (settings.certificateArn() != null ? "https://" : "http://") + loadBalancer.getLoadBalancerDnsName();
        CfnOutput.Builder.create(this, "Url")
            .description("Base URL of the API: reads (query-service), bookings, commands and provider admin "
                    + "(request-service), the patient page at /")
            .value(baseUrl)
            .build();
    }

    /**
     * The URL clients and the patient page use: {@code publicBaseUrl} when a DNS name
     * points at the load balancer, else the load balancer's own name.
     */
    String baseUrl() {
        return baseUrl;
    }

    /**
     * Sends every request to the query-service unless a rule of {@link #routeWrites}
     * takes it.
     */
    void routeReads(FargateService queryService) {
        queryTargetGroup = listener.addTargets("QueryService",
                AddApplicationTargetsProps.builder()
                    .port(AppointmentService.QUERY.port())
                    .protocol(ApplicationProtocol.HTTP)
                    .targets(List.of(queryService))
                    .healthCheck(readiness())
                    // Reads are short; no need to wait the default five minutes for
                    // connections to drain.
                    .deregistrationDelay(Duration.seconds(30))
                    .build());
    }

    /**
     * The request-service's routes: writes only, every read (a provider, its slots, an
     * outcome) stays with the query-service. A rule takes at most five values (paths and
     * methods together), hence several rules.
     */
    void routeWrites(FargateService requestService) {
        ApplicationTargetGroup requests = ApplicationTargetGroup.Builder.create(this, "RequestServiceTargets")
            .vpc(loadBalancer.getVpc())
            .port(AppointmentService.REQUEST.port())
            .protocol(ApplicationProtocol.HTTP)
            .targets(List.of(requestService))
            .healthCheck(readiness())
            // An intake call may wait for its outcome (Prefer: wait, up to 30 s): let it
            // finish on a draining task.
            .deregistrationDelay(Duration.seconds(35))
            .build();
        forward("Intake", 10, requests, List.of("POST"), List.of("/api/appointment-requests"));
        forward("Commands1", 20, requests, List.of("POST"), commandPaths(0, 3));
        forward("Commands2", 21, requests, List.of("POST"), commandPaths(3, 6));
        forward("ProviderAdmin", 40, requests, List.of("PUT", "POST", "DELETE"),
                List.of("/api/providers", "/api/providers/*"));
    }

    ApplicationTargetGroup queryTargetGroup() {
        return queryTargetGroup;
    }

    private void forward(String id, int priority, ApplicationTargetGroup group, List<String> methods,
            List<String> paths) {
        listener.addTargetGroups(id, AddApplicationTargetGroupsProps.builder()
            .priority(priority)
            .conditions(List.of(ListenerCondition.httpRequestMethods(methods), ListenerCondition.pathPatterns(paths)))
            .targetGroups(List.of(group))
            .build());
    }

    private static List<String> commandPaths(int from, int to) {
        return APPOINTMENT_COMMANDS.subList(from, to)
            .stream()
            .map(command -> "/api/appointments/*/" + command)
            .toList();
    }

    private static HealthCheck readiness() {
        return HealthCheck.builder()
            .path(AppointmentService.READINESS_PATH)
            .healthyHttpCodes("200")
            .interval(Duration.seconds(15))
            .timeout(Duration.seconds(5))
            .healthyThresholdCount(2)
            .unhealthyThresholdCount(3)
            .build();
    }

}
