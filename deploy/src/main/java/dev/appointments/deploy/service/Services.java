package dev.appointments.deploy.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.appointments.deploy.DeploymentSettings;
import dev.appointments.deploy.data.DataTables;
import dev.appointments.deploy.messaging.WorkQueues;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.constructs.Construct;

/**
 * The network, the ECS cluster and the four services: the three consumers in private subnets, scaled on the depth of
 * their queue, and the query-service behind a public load balancer, scaled on CPU.
 */
public final class Services extends Construct {

    private final Map<AppointmentService, ServiceDeployment> deployments = new EnumMap<>(AppointmentService.class);
    private final QueryLoadBalancer loadBalancer;

    public Services(Construct scope, String id, DeploymentSettings settings, WorkQueues queues, DataTables tables,
            String imageTag, String tokenIssuerUri) {
        super(scope, id);
        boolean privateSubnets = settings.natGateways() > 0;
        Vpc vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(settings.natGateways())
                .subnetConfiguration(privateSubnets
                        ? List.of(subnet("public", SubnetType.PUBLIC), subnet("services", SubnetType.PRIVATE_WITH_EGRESS))
                        : List.of(subnet("public", SubnetType.PUBLIC)))
                // DynamoDB traffic stays off the NAT gateway: free, and one less hop.
                .gatewayEndpoints(Map.of("DynamoDb", GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.DYNAMODB)
                        .build()))
                .build();
        Cluster cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(vpc)
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build();
        var inputs = new ServiceDeployment.Inputs(settings, cluster,
                SubnetSelection.builder()
                        .subnetType(privateSubnets ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PUBLIC)
                        .build(),
                !privateSubnets, queues, tables, imageTag, tokenIssuerUri);
        for (AppointmentService service : AppointmentService.values()) {
            ServiceDeployment deployment = new ServiceDeployment(this, service, inputs);
            // A service starts only once its queues and tables exist, or its readiness check fails.
            deployment.getNode().addDependency(queues, tables);
            deployments.put(service, deployment);
            service.consumedQueue().ifPresent(queue ->
                    QueueDepthScaling.apply(deployment.service(), queues.queue(queue), settings));
        }
        loadBalancer = new QueryLoadBalancer(this, "QueryApi", vpc,
                deployments.get(AppointmentService.QUERY).service(), settings);
    }

    public ApplicationTargetGroup queryTargetGroup() {
        return loadBalancer.targetGroup();
    }

    private static SubnetConfiguration subnet(String name, SubnetType type) {
        return SubnetConfiguration.builder().name(name).subnetType(type).cidrMask(24).build();
    }
}
