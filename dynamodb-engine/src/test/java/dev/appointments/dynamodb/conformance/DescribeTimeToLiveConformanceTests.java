package dev.appointments.dynamodb.conformance;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

@ExtendWith(ConformanceEndpoint.class)
class DescribeTimeToLiveConformanceTests {

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    DescribeTimeToLiveConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Test
    @DisplayName("Time to live is DISABLED on a new table")
    void isDisabledOnANewTable() {
        String table = tables.withPartitionKey("pk", S);

        TimeToLiveDescription description = dynamo.describeTimeToLive(request -> request.tableName(table))
            .timeToLiveDescription();

        assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
    }

    @Test
    @DisplayName("Once enabled, time to live is ENABLING then ENABLED, on the named attribute")
    void describesTheEnabledAttribute() {
        String table = tables.withPartitionKey("pk", S);
        dynamo.updateTimeToLive(request -> request.tableName(table)
            .timeToLiveSpecification(ttl -> ttl.attributeName("expiresAt").enabled(true)));

        TimeToLiveDescription description = dynamo.describeTimeToLive(request -> request.tableName(table))
            .timeToLiveDescription();

        assertThat(description.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLING, TimeToLiveStatus.ENABLED);
        assertThat(description.attributeName()).isEqualTo("expiresAt");
    }

    @Test
    @DisplayName("ResourceNotFoundException: the table does not exist")
    void refusesAMissingTable() {
        String missing = tables.newName();

        assertThatThrownBy(() -> dynamo.describeTimeToLive(request -> request.tableName(missing)))
            .isInstanceOf(ResourceNotFoundException.class);
    }

}
