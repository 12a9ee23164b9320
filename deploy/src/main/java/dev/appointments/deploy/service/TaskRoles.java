package dev.appointments.deploy.service;

import java.util.List;

import dev.appointments.deploy.data.DataTables;
import dev.appointments.deploy.messaging.WorkQueues;
import dev.appointments.deploy.service.Grant.DeadLetterQueue;
import dev.appointments.deploy.service.Grant.Queue;
import dev.appointments.deploy.service.Grant.Resource;
import dev.appointments.deploy.service.Grant.Table;
import dev.appointments.deploy.service.Grant.TableIndexes;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.constructs.Construct;

/**
 * Turns a service's {@link AccessPolicies} into its ECS task role, with the ARNs of the
 * queues and tables this stack created (or, in a passive region, of the local table
 * replicas). The role gets nothing else: pulling the image and writing logs belong to the
 * separate task execution role.
 */
final class TaskRoles {

    private TaskRoles() {
    }

    static Role create(Construct scope, AppointmentService service, WorkQueues queues, DataTables tables) {
        Role role = Role.Builder.create(scope, "TaskRole")
            .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
            .description("Least privilege of the " + service.serviceName() + " (api-security/README.md)")
            .build();
        for (Grant grant : AccessPolicies.of(service)) {
            role.addToPolicy(PolicyStatement.Builder.create()
                .sid(grant.sid())
                .effect(Effect.ALLOW)
                .actions(grant.actions())
                .resources(arns(grant.resources(), queues, tables))
                .build());
        }
        // A query by index names the index at run time; the grant covers the indexes of
        // one table, never a table.
        NagSuppressions.addResourceSuppressions(role,
                List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5")
                    .reason("Queries by secondary index: the grant is <table>/index/* of the service's own tables, "
                            + "exactly as the least-privilege policy in api-security/README.md (a test compares them)")
                    .appliesTo(List.of(RegexAppliesTo.builder().regex("/^Resource::.*\\/index\\/\\*$/g").build()))
                    .build()),
                true);
        return role;
    }

    private static List<String> arns(List<Resource> resources, WorkQueues queues, DataTables tables) {
        return resources.stream().map(resource -> switch (resource) {
            case Queue queue -> queues.queue(queue.name()).getQueueArn();
            case DeadLetterQueue deadLetters -> queues.deadLetterQueue(deadLetters.queueName()).getQueueArn();
            case Table table -> tables.table(table.name()).getTableArn();
            case TableIndexes table -> tables.table(table.name()).getTableArn() + "/index/*";
        }).toList();
    }

}
