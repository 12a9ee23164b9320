package dev.appointments.dynamodb.conformance;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

@ExtendWith(ConformanceEndpoint.class)
class UpdateTimeToLiveConformanceTests {

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    UpdateTimeToLiveConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Test
    @DisplayName("UpdateTimeToLive returns the specification it applied")
    void returnsTheSpecification() {
        String table = tables.withPartitionKey("pk", S);

        TimeToLiveSpecification applied = dynamo
            .updateTimeToLive(request -> request.tableName(table)
                .timeToLiveSpecification(ttl -> ttl.attributeName("expiresAt").enabled(true)))
            .timeToLiveSpecification();

        assertThat(applied.attributeName()).isEqualTo("expiresAt");
        assertThat(applied.enabled()).isTrue();
    }

    @Test
    @DisplayName("ValidationException: TimeToLive is already enabled")
    void refusesToEnableTwice() {
        String table = tables.withPartitionKey("pk", S);
        dynamo.updateTimeToLive(request -> request.tableName(table)
            .timeToLiveSpecification(ttl -> ttl.attributeName("expiresAt").enabled(true)));

        assertRefusedAsInvalid(() -> dynamo.updateTimeToLive(request -> request.tableName(table)
            .timeToLiveSpecification(ttl -> ttl.attributeName("expiresAt").enabled(true))));
    }

    @Test
    @DisplayName("ResourceNotFoundException: the table does not exist")
    void refusesAMissingTable() {
        String missing = tables.newName();

        assertThatThrownBy(() -> dynamo.updateTimeToLive(request -> request.tableName(missing)
            .timeToLiveSpecification(ttl -> ttl.attributeName("expiresAt").enabled(true))))
            .isInstanceOf(ResourceNotFoundException.class);
    }

}
