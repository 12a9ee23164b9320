package dev.appointments.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.appointments.deploy.data.TimeToLive;
import dev.appointments.resources.QueueDefinition;
import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * Writes the provisioning script of docker-compose.yml and LocalStack: {@code awslocal}
 * commands that create the queues (with their dead-letter queues and redrive policies)
 * and the tables of aws-resources, as the embedded engines' provisioner and the CDK stack
 * do. The script is generated, checked in, and compared with a fresh rendering by the
 * module's tests, so the definitions still exist once.
 */
public final class LocalStackInitScript {

    /**
     * Where the script lives, relative to the repository root: in the local Kubernetes
     * overlay, since kustomize reads no file outside its directory, and
     * docker-compose.yml mounts it from there, so there is one copy.
     */
    public static final String PATH = "deploy/kubernetes/overlays/local/provision-resources.sh";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

    private LocalStackInitScript() {
    }

    /** Regenerates the script: {@code main <repository root>}. */
    public static void main(String[] args) throws IOException {
        Path script = Path.of(args.length > 0 ? args[0] : "..").resolve(PATH);
        Files.createDirectories(script.getParent());
        Files.writeString(script, render());
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The script for the system's queues and tables. */
    public static String render() {
        return render(Queues.all(), Tables.all());
    }

    static String render(List<QueueDefinition> queues, List<CreateTableRequest> tables) {
        StringBuilder script = new StringBuilder(HEADER);
        for (QueueDefinition queue : queues) {
            script.append("queue ")
                .append(safe(queue.name()))
                .append(' ')
                .append(queue.maxReceiveCount())
                .append(' ')
                .append(queue.visibilityTimeout().toSeconds())
                .append('\n');
        }
        for (CreateTableRequest table : tables) {
            script.append("table ").append(safe(table.tableName())).append(" '").append(json(table)).append("'\n");
            TimeToLive.attributeOf(table.tableName())
                .ifPresent(attribute -> script.append("time_to_live ")
                    .append(table.tableName())
                    .append(' ')
                    .append(safe(attribute))
                    .append('\n'));
        }
        return script.append("echo \"provisioned ")
            .append(queues.size())
            .append(" queues and ")
            .append(tables.size())
            .append(" tables\"\n")
            .toString();
    }

    private static String json(CreateTableRequest table) {
        StringBuilder json = new StringBuilder("{").append(field("TableName"))
            .append(string(table.tableName()))
            .append(',')
            .append(field("BillingMode"))
            .append(string(table.billingModeAsString()))
            .append(',')
            .append(field("AttributeDefinitions"))
            .append(table.attributeDefinitions()
                .stream()
                .map(LocalStackInitScript::attribute)
                .collect(Collectors.joining(",", "[", "]")))
            .append(',')
            .append(field("KeySchema"))
            .append(keySchema(table.keySchema()));
        if (table.hasGlobalSecondaryIndexes()) {
            json.append(',')
                .append(field("GlobalSecondaryIndexes"))
                .append(table.globalSecondaryIndexes()
                    .stream()
                    .map(LocalStackInitScript::index)
                    .collect(Collectors.joining(",", "[", "]")));
        }
        return json.append('}').toString();
    }

    private static String attribute(AttributeDefinition attribute) {
        return "{" + field("AttributeName") + string(attribute.attributeName()) + "," + field("AttributeType")
                + string(attribute.attributeTypeAsString()) + "}";
    }

    private static String index(GlobalSecondaryIndex index) {
        return "{" + field("IndexName") + string(index.indexName()) + "," + field("KeySchema")
                + keySchema(index.keySchema()) + "," + field("Projection") + "{" + field("ProjectionType")
                + string(index.projection().projectionTypeAsString()) + "}}";
    }

    private static String keySchema(List<KeySchemaElement> schema) {
        return schema.stream()
            .map(key -> "{" + field("AttributeName") + string(key.attributeName()) + "," + field("KeyType")
                    + string(key.keyTypeAsString()) + "}")
            .collect(Collectors.joining(",", "[", "]"));
    }

    private static String field(String name) {
        return string(name) + ":";
    }

    /**
     * Names only: letters, digits, dot, dash, underscore, so nothing needs quoting in
     * JSON or in the shell.
     */
    private static String string(String value) {
        return "\"" + safe(value) + "\"";
    }

    private static String safe(String value) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a plain resource name: " + value);
        }
        return value;
    }

    private static final String HEADER = """
            #!/bin/bash
            # Creates the system's queues and tables with `awslocal`: in LocalStack (mounted into
            # /etc/localstack/init/ready.d, it runs once LocalStack is ready), or in docker-compose.yml's provision
            # container, where awslocal is the AWS CLI with endpoints for ElasticMQ and the DynamoDB engine.
            # GENERATED from dev.appointments.resources.Queues and Tables by
            # dev.appointments.deploy.local.LocalStackInitScript; do not edit: regenerate (deploy/README.md).
            # The deploy module's tests fail when this file and the definitions disagree.
            set -euo pipefail

            # queue NAME MAX_RECEIVE_COUNT VISIBILITY_TIMEOUT_SECONDS: the queue and NAME-dlq, joined by a redrive policy.
            queue() {
              local name=$1 max_receive_count=$2 visibility_timeout=$3 dlq_url dlq_arn redrive
              dlq_url=$(awslocal sqs create-queue --queue-name "$name-dlq" \\
                --attributes MessageRetentionPeriod=1209600 --query QueueUrl --output text)
              dlq_arn=$(awslocal sqs get-queue-attributes --queue-url "$dlq_url" \\
                --attribute-names QueueArn --query Attributes.QueueArn --output text)
              redrive="{\\"deadLetterTargetArn\\":\\"$dlq_arn\\",\\"maxReceiveCount\\":\\"$max_receive_count\\"}"
              awslocal sqs create-queue --queue-name "$name" --attributes \\
                "{\\"VisibilityTimeout\\":\\"$visibility_timeout\\",\\"RedrivePolicy\\":\\"${redrive//\\"/\\\\\\"}\\"}" >/dev/null
              echo "queue $name: dead letters go to $name-dlq after $max_receive_count receives"
            }

            # table NAME CREATE_TABLE_JSON: creates the table unless it exists.
            table() {
              if awslocal dynamodb describe-table --table-name "$1" >/dev/null 2>&1; then
                echo "table $1: exists"
                return
              fi
              awslocal dynamodb create-table --cli-input-json "$2" >/dev/null
              awslocal dynamodb wait table-exists --table-name "$1"
              echo "table $1: created"
            }

            # time_to_live NAME ATTRIBUTE: as in production (deploy/src/main/java/.../data/TimeToLive.java).
            time_to_live() {
              local status
              status=$(awslocal dynamodb describe-time-to-live --table-name "$1" \\
                --query TimeToLiveDescription.TimeToLiveStatus --output text)
              if [ "$status" != ENABLED ]; then
                awslocal dynamodb update-time-to-live --table-name "$1" \\
                  --time-to-live-specification "Enabled=true,AttributeName=$2" >/dev/null
              fi
            }

            """;

}
