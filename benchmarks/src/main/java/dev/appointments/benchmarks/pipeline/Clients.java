package dev.appointments.benchmarks.pipeline;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Plain synchronous SDK clients of the engines, their calls counted under a caller's
 * name.
 */
final class Clients {

    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider
        .create(AwsBasicCredentials.create("local", "local"));

    private Clients() {
    }

    static DynamoDbClient dynamoDb(URI endpoint, String caller) {
        return DynamoDbClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            .overrideConfiguration(marked(caller))
            .httpClient(ApacheHttpClient.builder().maxConnections(64).build())
            .build();
    }

    static SqsClient sqs(URI endpoint, String caller) {
        return SqsClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            .overrideConfiguration(marked(caller))
            .httpClient(ApacheHttpClient.builder().maxConnections(64).build())
            .build();
    }

    private static ClientOverrideConfiguration marked(String caller) {
        return ClientOverrideConfiguration.builder().putExecutionAttribute(ApiCalls.CALLER, caller).build();
    }

}
