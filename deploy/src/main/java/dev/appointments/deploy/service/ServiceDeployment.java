package dev.appointments.deploy.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.appointments.deploy.DeploymentSettings;
import dev.appointments.deploy.data.DataTables;
import dev.appointments.deploy.messaging.WorkQueues;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.constructs.Construct;

/**
 * One service on Fargate: its image from ECR, its least-privilege task role, its
 * environment, a container health check, and a rolling deployment that rolls back when
 * new tasks don't become healthy.
 * <p>
 * ECS replaces a task whose container health check fails, so that check asks the liveness
 * probe: readiness goes DOWN whenever DynamoDB or SQS is unreachable, and replacing every
 * task during such an outage would only add churn (the services already pause consuming
 * on their own). Readiness decides where traffic goes: the load balancer's target health
 * check and docker-compose's start order use it.
 */
final class ServiceDeployment extends Construct {

    /**
     * Half a vCPU and 1 GiB run one Spring Boot service with its 10 concurrent consumers;
     * scale out, not up.
     */
    static final int CPU = 512;
    static final int MEMORY_MIB = 1024;

    /**
     * Longer than Spring Boot's graceful shutdown (30 s), so in-flight messages finish
     * before SIGKILL.
     */
    static final Duration STOP_TIMEOUT = Duration.seconds(45);

    private final FargateService service;

    ServiceDeployment(Construct scope, AppointmentService definition, Inputs inputs) {
        super(scope, definition.serviceName());
        Role taskRole = TaskRoles.create(this, definition, inputs.queues(), inputs.tables());
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
            .family(definition.serviceName())
            .cpu(CPU)
            .memoryLimitMiB(MEMORY_MIB)
            .taskRole(taskRole)
            .build();
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
            .logGroupName("/appointments/" + definition.serviceName())
            .retention(RetentionDays.ONE_MONTH)
            .build();
        task.addContainer(definition.serviceName(),
                ContainerDefinitionOptions.builder()
                    .containerName(definition.serviceName())
                    .image(ContainerImage.fromEcrRepository(
                            Repository.fromRepositoryName(this, "Image",
                                    inputs.settings().imageRepositoryPrefix() + "/" + definition.serviceName()),
                            inputs.imageTag()))
                    .portMappings(List.of(PortMapping.builder().containerPort(definition.port()).build()))
                    .environment(environment(definition, inputs))
                    .secrets(secrets(definition, inputs))
                    .healthCheck(HealthCheck.builder()
                        .command(livenessCheck(definition))
                        .interval(Duration.seconds(15))
                        .timeout(Duration.seconds(5))
                        .retries(3)
                        .startPeriod(Duration.seconds(90))
                        .build())
                    .stopTimeout(STOP_TIMEOUT)
                    .logging(LogDrivers.awsLogs(
                            AwsLogDriverProps.builder().streamPrefix(definition.serviceName()).logGroup(logs).build()))
                    .build());
        var service = FargateService.Builder.create(this, "Service")
            .serviceName(definition.serviceName())
            .cluster(inputs.cluster())
            .taskDefinition(task)
            .desiredCount(inputs.settings().minTasks())
            .minHealthyPercent(100)
            .maxHealthyPercent(200)
            .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
            .vpcSubnets(inputs.subnets())
            .assignPublicIp(inputs.publicIp());
        if (definition == AppointmentService.QUERY || definition == AppointmentService.REQUEST) {
            // Behind the load balancer: give a starting JVM time before failing target
            // health checks count.
            service.healthCheckGracePeriod(Duration.seconds(120));
        }
        this.service = service.build();
        NagSuppressions.addResourceSuppressions(task, List.of(
                NagPackSuppression.builder()
                    .id("AwsSolutions-ECS2")
                    .reason("The environment holds configuration only (region, URLs, switches); the one secret, "
                            + "the SMTP credentials, comes from Secrets Manager through the execution role")
                    .build(),
                NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5")
                    .reason("The execution role's ecr:GetAuthorizationToken has no resource-level permissions "
                            + "(AWS requires *); image pulls and log writes are scoped by CDK to the repository "
                            + "and the log group")
                    .appliesTo(List.of("Resource::*"))
                    .build()),
                true);
    }

    FargateService service() {
        return service;
    }

    /**
     * The liveness probe from inside the container. The image has bash but no HTTP client
     * (its base is a plain JRE image), so bash opens the port and reads the status line.
     */
    static List<String> livenessCheck(AppointmentService definition) {
        return List.of("CMD", "bash", "-c",
                "exec 3<>/dev/tcp/127.0.0.1/" + definition.port() + " && printf 'GET "
                        + AppointmentService.LIVENESS_PATH + " HTTP/1.0\\r\\n\\r\\n' >&3"
                        + " && head -1 <&3 | grep -q ' 200 '");
    }

    private static Map<String, String> environment(AppointmentService definition, Inputs inputs) {
        Map<String, String> environment = new LinkedHashMap<>();
        DeploymentSettings settings = inputs.settings();
        environment.put("AWS_REGION", settings.region());
        environment.put("TOKEN_ISSUER_URI", inputs.tokenIssuer().issuerUri());
        environment.put("TRACING_SAMPLING_PROBABILITY", Double.toString(settings.tracingSamplingProbability()));
        if (settings.rolesClaim() != null) {
            environment.put("APPOINTMENTS_SECURITY_CLAIMS_ROLES", settings.rolesClaim());
        }
        if (settings.otlpTracingEndpoint() != null) {
            environment.put("OTLP_TRACING_EXPORT_ENABLED", "true");
            environment.put("OTLP_TRACING_ENDPOINT", settings.otlpTracingEndpoint());
        }
        if (definition == AppointmentService.REQUEST) {
            // Where clients read an outcome (the Location of a 202), and the patient
            // page's origin, which books here.
            environment.put("APPOINTMENTS_REQUEST_OUTCOMEBASEURL", inputs.baseUrl());
            environment.put("APPOINTMENTS_SECURITY_CORS_ALLOWEDORIGINS", inputs.baseUrl());
        }
        if (definition == AppointmentService.QUERY) {
            // The patient page: sign-in at the issuer, bookings at the request-service
            // behind the same load balancer.
            environment.put("REQUEST_SERVICE_URL", inputs.baseUrl());
            environment.put("PATIENT_PAGE_AUTHORIZATION_ENDPOINT", inputs.tokenIssuer().authorizationEndpoint());
            environment.put("PATIENT_PAGE_TOKEN_ENDPOINT", inputs.tokenIssuer().tokenEndpoint());
            environment.put("PATIENT_PAGE_CLIENT_ID", inputs.tokenIssuer().patientWebClientId());
        }
        // The stack owns the queues; the task roles have no CreateQueue or
        // SetQueueAttributes.
        environment.put("SPRING_CLOUD_STREAM_SQS_BINDER_AUTO_CREATE_QUEUES", "false");
        environment.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError");
        if (definition == AppointmentService.REMINDER) {
            environment.put("MAIL_HOST", settings.mailHost());
            environment.put("MAIL_PORT", Integer.toString(settings.mailPort()));
            // E-mails link to the patient page (the query-service's root) to cancel or
            // reschedule.
            environment.put("PATIENT_PAGE_URL", inputs.baseUrl() + "/");
            environment.put("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE", "true");
            environment.put("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED", "true");
        }
        return environment;
    }

    /**
     * SMTP credentials come from Secrets Manager; only the execution role may read them,
     * never the application.
     */
    private Map<String, Secret> secrets(AppointmentService definition, Inputs inputs) {
        String arn = inputs.settings().smtpSecretArn();
        if (definition != AppointmentService.REMINDER || arn == null) {
            return Map.of();
        }
        var secret = software.amazon.awscdk.services.secretsmanager.Secret.fromSecretCompleteArn(this, "Smtp", arn);
        return Map.of("SPRING_MAIL_USERNAME", Secret.fromSecretsManager(secret, "username"), "SPRING_MAIL_PASSWORD",
                Secret.fromSecretsManager(secret, "password"));
    }

    /** What every service deployment shares. */
    record Inputs(DeploymentSettings settings, ICluster cluster, SubnetSelection subnets, boolean publicIp,
            WorkQueues queues, DataTables tables, String imageTag, TokenIssuer tokenIssuer, String baseUrl) {
    }

}
