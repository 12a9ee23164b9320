package dev.appointments.deploy;

import dev.appointments.deploy.data.DataTables;
import dev.appointments.deploy.messaging.WorkQueues;
import dev.appointments.deploy.monitoring.OperationsAlarms;
import dev.appointments.deploy.service.Services;
import dev.appointments.deploy.service.TokenIssuer;
import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Token;
import software.constructs.Construct;

/**
 * Everything of one region: the queues, the tables (or, in a passive region, their local
 * replicas), the four services and the alarms. Deploy the same app once per region; only
 * the context differs.
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
        CfnParameter authorizationEndpoint = CfnParameter.Builder.create(this, "SignInAuthorizationEndpoint")
            .type("String")
            .description("Where the patient page signs patients in (e.g. https://<domain>.auth.<region>.amazoncognito"
                    + ".com/oauth2/authorize); empty: <TokenIssuerUri>/oauth2/authorize")
            .defaultValue("")
            .build();
        CfnParameter tokenEndpoint = CfnParameter.Builder.create(this, "SignInTokenEndpoint")
            .type("String")
            .description("Where the patient page exchanges the sign-in code for a token; empty: "
                    + "<TokenIssuerUri>/oauth2/token")
            .defaultValue("")
            .build();
        CfnParameter patientWebClientId = CfnParameter.Builder.create(this, "PatientWebClientId")
            .type("String")
            .description("The patient page's public client (authorization code with PKCE) at the issuer")
            .defaultValue("patient-web")
            .allowedPattern("[A-Za-z0-9_.-]{1,128}")
            .build();
        var issuer = new TokenIssuer(tokenIssuer.getValueAsString(),
                orDefault("SignInAuthorizationEndpoint", authorizationEndpoint,
                        tokenIssuer.getValueAsString() + "/oauth2/authorize"),
                orDefault("SignInTokenEndpoint", tokenEndpoint, tokenIssuer.getValueAsString() + "/oauth2/token"),
                patientWebClientId.getValueAsString());
        WorkQueues queues = new WorkQueues(this, "Queues", Queues.all(settings.maxReceiveCount()));
        DataTables tables = settings.ownsTables()
                ? DataTables.create(this, "Tables", Tables.all(), settings.replicaRegions())
                : DataTables.replicasOf(this, "Tables", Tables.all());
        Services services = new Services(this, "Services", settings, queues, tables, imageTag.getValueAsString(),
                issuer);
        new OperationsAlarms(this, "Alarms", settings, queues, services.queryTargetGroup());
    }

    /** The parameter's value, or {@code fallback} when it is left empty. */
    private String orDefault(String name, CfnParameter parameter, String fallback) {
        CfnCondition empty = CfnCondition.Builder.create(this, name + "Empty")
            .expression(Fn.conditionEquals(parameter.getValueAsString(), ""))
            .build();
        return Token.asString(Fn.conditionIf(empty.getLogicalId(), fallback, parameter.getValueAsString()));
    }

}
