package dev.appointments.health;

import java.util.List;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * UP when every table the service uses answers DescribeTable and is ACTIVE.
 */
class DynamoDbHealthIndicator extends AbstractHealthIndicator {

    private final DynamoDbClient dynamoDb;

    private final List<String> tables;

    DynamoDbHealthIndicator(DynamoDbClient dynamoDb, List<String> tables) {
        super("DynamoDB is unreachable");
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        for (String table : tables) {
            String status = dynamoDb.describeTable(request -> request.tableName(table)).table().tableStatusAsString();
            builder.withDetail(table, status);
            if (!"ACTIVE".equals(status)) {
                builder.outOfService();
            }
        }
    }

}
