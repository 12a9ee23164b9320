package dev.appointments.health;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The queues and tables whose health a service reports.
 *
 * @param queues SQS queue names, for the {@code sqs} indicator
 * @param tables DynamoDB table names, for the {@code dynamoDb} indicator
 */
@ConfigurationProperties("appointments.health")
public record ResourceHealthProperties(List<String> queues, List<String> tables) {

    public ResourceHealthProperties {
        queues = queues == null ? List.of() : List.copyOf(queues);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }
}
