package dev.appointments.deploy;

import dev.appointments.deploy.data.DataTables;
import dev.appointments.deploy.messaging.WorkQueues;
import dev.appointments.deploy.monitoring.OperationsAlarms;
import dev.appointments.deploy.service.Services;
import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Everything of one region: the queues, the tables (or, in a passive region, their local replicas), the four
 * services and the alarms. Deploy the same app once per region; only the context differs.
 */
public final class AppointmentsStack extends Stack {

    public AppointmentsStack(Construct scope, String id, StackProps props, DeploymentSettings settings) {
        super(scope, id, props);
        CfnParameter imageTag = CfnParameter.Builder.create(this, "ImageTag")
                .type("String")
                .description("Tag of the service images in ECR (the same tag for all four), e.g. a commit id")
                .allowedPattern("[A-Za-z0-9_.-]{1,128}")
                .build();
        CfnParameter tokenIssuer = CfnParameter.Builder.create(this, "TokenIssuerUri")
                .type("String")
                .description("OIDC issuer of the access tokens, e.g. https://cognito-idp.<region>.amazonaws.com/<pool>")
                .allowedPattern("https://.+")
                .build();
        WorkQueues queues = new WorkQueues(this, "Queues", Queues.all(settings.maxReceiveCount()));
        DataTables tables = settings.ownsTables()
                ? DataTables.create(this, "Tables", Tables.all(), settings.replicaRegions())
                : DataTables.replicasOf(this, "Tables", Tables.all());
        Services services = new Services(this, "Services", settings, queues, tables, imageTag.getValueAsString(),
                tokenIssuer.getValueAsString());
        new OperationsAlarms(this, "Alarms", settings, queues, services.queryTargetGroup());
    }
}
