package dev.appointments.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Registers the {@code sqs} and {@code dynamoDb} health indicators for the resources
 * named in {@link ResourceHealthProperties}, after Spring Cloud AWS has created the
 * clients.
 */
@AutoConfiguration(afterName = { "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration",
        "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration" })
@EnableConfigurationProperties(ResourceHealthProperties.class)
public class ResourceHealthAutoConfiguration {

    @Bean(name = "sqsHealthIndicator")
    @ConditionalOnBean(SqsAsyncClient.class)
    @ConditionalOnMissingBean(name = "sqsHealthIndicator")
    SqsHealthIndicator sqsHealthIndicator(SqsAsyncClient sqs, ResourceHealthProperties properties) {
        return new SqsHealthIndicator(sqs, properties.queues());
    }

    @Bean(name = "dynamoDbHealthIndicator")
    @ConditionalOnBean(DynamoDbClient.class)
    @ConditionalOnMissingBean(name = "dynamoDbHealthIndicator")
    DynamoDbHealthIndicator dynamoDbHealthIndicator(DynamoDbClient dynamoDb, ResourceHealthProperties properties) {
        return new DynamoDbHealthIndicator(dynamoDb, properties.tables());
    }

}
