package dev.appointments.deploy.service;

import java.util.List;

import dev.appointments.deploy.DeploymentSettings;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.constructs.Construct;

/**
 * The query-service's public entry: an internet-facing load balancer that sends traffic only to tasks whose readiness
 * check passes. With a certificate it listens on HTTPS and redirects HTTP; without one (a first deployment, a test
 * account) on plain HTTP. The service scales on CPU: its work is reads, which are processor-bound at volume.
 */
final class QueryLoadBalancer extends Construct {

    static final int CPU_TARGET_PERCENT = 60;

    private final ApplicationTargetGroup targetGroup;

    QueryLoadBalancer(Construct scope, String id, IVpc vpc, FargateService service, DeploymentSettings settings) {
        super(scope, id);
        ApplicationLoadBalancer loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(vpc)
                .internetFacing(true)
                .dropInvalidHeaderFields(true)
                .build();
        ApplicationListener listener;
        if (settings.certificateArn() != null) {
            listener = loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
                    .port(443)
                    .protocol(ApplicationProtocol.HTTPS)
                    .certificates(List.of(ListenerCertificate.fromArn(settings.certificateArn())))
                    .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                    .build());
            loadBalancer.addRedirect();
        }
        else {
            listener = loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                    .port(80)
                    .protocol(ApplicationProtocol.HTTP)
                    .build());
        }
        targetGroup = listener.addTargets("QueryService", AddApplicationTargetsProps.builder()
                .port(AppointmentService.QUERY.port())
                .protocol(ApplicationProtocol.HTTP)
                .targets(List.of(service))
                .healthCheck(HealthCheck.builder()
                        .path(AppointmentService.READINESS_PATH)
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(15))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                // Reads are short; no need to wait the default five minutes for connections to drain.
                .deregistrationDelay(Duration.seconds(30))
                .build());
        service.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(settings.minTasks())
                .maxCapacity(settings.maxTasks())
                .build())
                .scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                        .targetUtilizationPercent(CPU_TARGET_PERCENT)
                        .scaleInCooldown(Duration.minutes(5))
                        .scaleOutCooldown(Duration.minutes(1))
                        .build());
        CfnOutput.Builder.create(this, "Url")
                .description("Base URL of the query API")
                .value((settings.certificateArn() != null ? "https://" : "http://")
                        + loadBalancer.getLoadBalancerDnsName())
                .build();
    }

    ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }
}
