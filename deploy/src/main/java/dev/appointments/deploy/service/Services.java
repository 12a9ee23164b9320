package dev.appointments.deploy.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.appointments.deploy.DeploymentSettings;
import dev.appointments.deploy.data.DataTables;
import dev.appointments.deploy.messaging.WorkQueues;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The network, the ECS cluster and the four services: the three consumers in private
 * subnets, scaled on the depth of their queue; the query-service (reads) and the
 * request-service (bookings, commands, provider admin) behind one public load balancer;
 * the query-service scaled on CPU.
 */
public final class Services extends Construct {

    static final int CPU_TARGET_PERCENT = 60;

    private final Map<AppointmentService, ServiceDeployment> deployments = new EnumMap<>(AppointmentService.class);

    private final ApiLoadBalancer loadBalancer;

    public Services(Construct scope, String id, DeploymentSettings settings, WorkQueues queues, DataTables tables,
            String imageTag, TokenIssuer tokenIssuer) {
        super(scope, id);
        boolean privateSubnets = settings.natGateways() > 0;
        Vpc vpc = Vpc.Builder.create(this, "Vpc")
            .maxAzs(2)
            .natGateways(settings.natGateways())
            .subnetConfiguration(privateSubnets
                    ? List.of(subnet("public", SubnetType.PUBLIC), subnet("services", SubnetType.PRIVATE_WITH_EGRESS))
                    : List.of(subnet("public", SubnetType.PUBLIC)))
            // DynamoDB traffic stays off the NAT gateway: free, and one less hop.
            .gatewayEndpoints(Map.of("DynamoDb",
                    GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.DYNAMODB).build()))
            // Rejected connections only: what a security review asks for, at a fraction
            // of all traffic's cost.
            .flowLogs(Map.of("Rejected",
                    FlowLogOptions.builder()
                        .trafficType(FlowLogTrafficType.REJECT)
                        .destination(FlowLogDestination.toCloudWatchLogs(
                                LogGroup.Builder.create(this, "FlowLogs").retention(RetentionDays.ONE_MONTH).build()))
                        .build()))
            .build();
        Cluster cluster = Cluster.Builder.create(this, "Cluster")
            .vpc(vpc)
            .containerInsightsV2(ContainerInsights.ENABLED)
            .build();
        // The load balancer comes first: its address is part of the services' environment
        // (outcome links, CORS,
        // where the patient page books).
        loadBalancer = new ApiLoadBalancer(this, "Api", vpc, settings);
        var inputs = new ServiceDeployment.Inputs(settings, cluster,
                SubnetSelection.builder()
                    .subnetType(privateSubnets ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PUBLIC)
                    .build(),
                !privateSubnets, queues, tables, imageTag, tokenIssuer, loadBalancer.baseUrl());
        for (AppointmentService service : AppointmentService.values()) {
            ServiceDeployment deployment = new ServiceDeployment(this, service, inputs);
            // A service starts only once its queues and tables exist, or its readiness
            // check fails.
            deployment.getNode().addDependency(queues, tables);
            deployments.put(service, deployment);
            service.consumedQueue()
                .ifPresent(queue -> QueueDepthScaling.apply(deployment.service(), queues.queue(queue), settings));
        }
        FargateService queryService = deployments.get(AppointmentService.QUERY).service();
        loadBalancer.routeReads(queryService);
        loadBalancer.routeWrites(deployments.get(AppointmentService.REQUEST).service());
        // Reads are processor-bound at volume: the query-service scales on CPU.
        queryService.autoScaleTaskCount(
                EnableScalingProps.builder().minCapacity(settings.minTasks()).maxCapacity(settings.maxTasks()).build())
            .scaleOnCpuUtilization("Cpu",
                    CpuUtilizationScalingProps.builder()
                        .targetUtilizationPercent(CPU_TARGET_PERCENT)
                        .scaleInCooldown(Duration.minutes(5))
                        .scaleOutCooldown(Duration.minutes(1))
                        .build());
    }

    public ApplicationTargetGroup queryTargetGroup() {
        return loadBalancer.queryTargetGroup();
    }

    private static SubnetConfiguration subnet(String name, SubnetType type) {
        return SubnetConfiguration.builder().name(name).subnetType(type).cidrMask(24).build();
    }

}
