package dev.appointments.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.EngineSettings;
import dev.appointments.resources.QueueDefinition;
import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the LocalStack init script for real where the AWS CLI is installed, against the
 * embedded engines instead of LocalStack: a stand-in {@code awslocal} sends SQS calls to
 * ElasticMQ and DynamoDB calls to DynamoDB Local. Without the CLI the test is skipped;
 * LocalStackProvisioningIntegrationTests runs the script in LocalStack where Docker is.
 */
class LocalStackInitScriptIntegrationTests {

    @Test
    void scriptCreatesQueuesWithRedrivePoliciesAndTablesWithTheirKeys(@TempDir Path bin)
            throws IOException, InterruptedException {
        assumeTrue(awsCliAvailable(), "AWS CLI not installed");
        try (EmbeddedEngines engines = EmbeddedEngines.start(EngineSettings.anyFreePorts())) {
            emptyEngines(engines);
            Path awslocal = bin.resolve("awslocal");
            Files.writeString(awslocal, """
                    #!/bin/bash
                    case "$1" in sqs) endpoint=%s ;; dynamodb) endpoint=%s ;; esac
                    exec aws --endpoint-url "$endpoint" "$@"
                    """.formatted(engines.sqsEndpoint(), engines.dynamoDbEndpoint()));
            Files.setPosixFilePermissions(awslocal, PosixFilePermissions.fromString("rwx------"));

            ProcessBuilder builder = new ProcessBuilder("bash", LocalStackInitScriptTests.SCRIPT.toString())
                .redirectErrorStream(true)
                .redirectOutput(bin.resolve("output.txt").toFile());
            builder.environment()
                .putAll(Map.of("PATH", bin + ":" + System.getenv("PATH"), "AWS_ACCESS_KEY_ID", "local",
                        "AWS_SECRET_ACCESS_KEY", "local", "AWS_DEFAULT_REGION", "us-east-1"));
            Process script = builder.start();
            assertThat(script.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(script.exitValue()).as(Files.readString(bin.resolve("output.txt"))).isZero();

            for (QueueDefinition queue : Queues.all()) {
                String url = engines.sqs().getQueueUrl(request -> request.queueName(queue.name())).queueUrl();
                Map<QueueAttributeName, String> attributes = engines.sqs()
                    .getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                    .attributes();
                assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
                    .contains(queue.deadLetterQueueName() + "\"")
                    .containsPattern("\"maxReceiveCount\":\"?" + queue.maxReceiveCount());
                assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT))
                    .isEqualTo(Long.toString(queue.visibilityTimeout().toSeconds()));
            }
            for (CreateTableRequest definition : Tables.all()) {
                TableDescription table = engines.dynamoDb()
                    .describeTable(request -> request.tableName(definition.tableName()))
                    .table();
                assertThat(table.keySchema()).isEqualTo(definition.keySchema());
                assertThat(table.globalSecondaryIndexes()).extracting(index -> index.indexName())
                    .containsExactlyInAnyOrderElementsOf(
                            definition.globalSecondaryIndexes().stream().map(index -> index.indexName()).toList());
            }
        }
    }

    private static void emptyEngines(EmbeddedEngines engines) {
        engines.sqs()
            .listQueues()
            .queueUrls()
            .forEach(url -> engines.sqs().deleteQueue(request -> request.queueUrl(url)));
        engines.dynamoDb()
            .listTables()
            .tableNames()
            .forEach(name -> engines.dynamoDb().deleteTable(request -> request.tableName(name)));
        assertThat(engines.sqs().listQueues().queueUrls()).isEmpty();
        assertThat(engines.dynamoDb().listTables().tableNames()).isEmpty();
    }

    private static boolean awsCliAvailable() {
        try {
            Process version = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        }
        catch (IOException | InterruptedException notThere) {
            return false;
        }
    }

}
