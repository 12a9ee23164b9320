package dev.appointments.query;

import java.time.Clock;
import java.time.ZoneOffset;

import dev.appointments.engines.EmbeddedEngines;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The integration tests' fixed clock, and a DynamoDB client (replacing Spring Cloud
 * AWS's) that records every operation the service sends.
 */
@TestConfiguration(proxyBeanMethods = false)
class QueryServiceTestBeans {

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(QueryServiceIntegrationTest.NOW, ZoneOffset.UTC);
    }

    @Bean
    DynamoDbOperations dynamoDbOperations() {
        return new DynamoDbOperations();
    }

    @Bean
    DynamoDbClient recordingDynamoDbClient(DynamoDbOperations operations) {
        return DynamoDbClient.builder()
            .endpointOverride(EmbeddedEngines.shared().dynamoDbEndpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(operations))
            .build();
    }

}
