package dev.appointments.deploy.local;

import java.io.IOException;
import java.util.Map;

import dev.appointments.engines.ResourceProvisioner;
import dev.appointments.resources.QueueDefinition;
import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provisions LocalStack with the code the embedded engines use, and runs docker-compose's
 * init script in it. Needs Docker; where there is none (as on the project's build
 * machines) the class is reported as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackProvisioningIntegrationTests {

    /** The image docker-compose.yml runs; DockerComposeTests keeps the two equal. */
    static final String IMAGE = "localstack/localstack:4.4";

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse(IMAGE))
        .withServices("sqs", "dynamodb");

    @Test
    void resourceProvisionerCreatesQueuesWithRedrivePoliciesAndTables() {
        try (SqsClient sqs = SqsClient.builder()
            .endpointOverride(LOCALSTACK.getEndpoint())
            .region(region())
            .credentialsProvider(credentials())
            .build();
                DynamoDbClient dynamoDb = DynamoDbClient.builder()
                    .endpointOverride(LOCALSTACK.getEndpoint())
                    .region(region())
                    .credentialsProvider(credentials())
                    .build()) {
            new ResourceProvisioner(sqs, dynamoDb).createAll(Queues.DEFAULT_MAX_RECEIVE_COUNT);

            for (QueueDefinition queue : Queues.all()) {
                String url = sqs.getQueueUrl(request -> request.queueName(queue.name())).queueUrl();
                Map<QueueAttributeName, String> attributes = sqs
                    .getQueueAttributes(
                            request -> request.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                    .attributes();
                assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
                    .contains(":" + queue.deadLetterQueueName() + "\"")
                    .containsPattern("\"maxReceiveCount\":\"?" + queue.maxReceiveCount());
            }
            TableDescription appointments = dynamoDb
                .describeTable(request -> request.tableName(Tables.Appointments.NAME))
                .table();
            assertThat(appointments.keySchema()).isEqualTo(Tables.all().get(0).keySchema());
            assertThat(appointments.globalSecondaryIndexes()).extracting(index -> index.indexName())
                .containsExactlyInAnyOrder(Tables.Appointments.BY_PATIENT, Tables.Appointments.BY_PROVIDER,
                        Tables.Appointments.BY_STATUS);
            assertThat(dynamoDb.listTables().tableNames()).containsAll(Tables.names());
        }
    }

    @Test
    void initScriptOfDockerComposeRunsInLocalStack() throws IOException, InterruptedException {
        // Its own queue names would clash with the provisioner's (same names, other
        // attribute spellings), so the
        // script is checked on a container of its own.
        try (LocalStackContainer localstack = new LocalStackContainer(DockerImageName.parse(IMAGE))
            .withServices("sqs", "dynamodb")
            .withCopyFileToContainer(MountableFile.forHostPath(LocalStackInitScriptTests.SCRIPT, 0755),
                    "/tmp/provision-resources.sh")) {
            localstack.start();
            ExecResult result = localstack.execInContainer("bash", "/tmp/provision-resources.sh");
            assertThat(result.getExitCode()).as(result.getStdout() + result.getStderr()).isZero();
            assertThat(result.getStdout()).contains("provisioned 3 queues and 8 tables");
        }
    }

    private static Region region() {
        return Region.of(LOCALSTACK.getRegion());
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider
            .create(AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
    }

}
