package dev.appointments.dynamodb.conformance;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import static dev.appointments.dynamodb.conformance.ConformanceTables.definition;
import static dev.appointments.dynamodb.conformance.ConformanceTables.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.B;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

@ExtendWith(ConformanceEndpoint.class)
class DescribeTableConformanceTests {

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    DescribeTableConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Test
    @DisplayName("DescribeTable returns the key schema, attribute definitions, status, billing mode and ARN")
    void describesTheTable() {
        String table = tables.withPartitionAndSortKey("pk", B, "sk", N);

        TableDescription description = dynamo.describeTable(request -> request.tableName(table)).table();

        assertThat(description.tableName()).isEqualTo(table);
        assertThat(description.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(description.keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
        assertThat(description.attributeDefinitions()).containsExactlyInAnyOrder(definition("pk", B),
                definition("sk", N));
        assertThat(description.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(description.tableArn()).contains(":table/" + table);
        assertThat(description.creationDateTime()).isNotNull();
        assertThat(description.itemCount()).isNotNegative();
    }

    @Test
    @DisplayName("DescribeTable lists global secondary indexes with their key schema and projection")
    void describesGlobalSecondaryIndexes() {
        String table = tables.create(request -> request
            .attributeDefinitions(definition("pk", S), definition("owner", S))
            .keySchema(key("pk", KeyType.HASH))
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                .indexName("by-owner")
                .keySchema(key("owner", KeyType.HASH))
                .projection(projection -> projection.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("note"))
                .build()));

        TableDescription description = dynamo.describeTable(request -> request.tableName(table)).table();

        assertThat(description.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("by-owner");
            assertThat(index.keySchema()).containsExactly(key("owner", KeyType.HASH));
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
            assertThat(index.projection().nonKeyAttributes()).containsExactly("note");
            assertThat(index.indexArn()).contains(":table/" + table + "/index/by-owner");
        });
    }

    @Test
    @DisplayName("ResourceNotFoundException: the table does not exist")
    void refusesAMissingTable() {
        String missing = tables.newName();

        assertThatThrownBy(() -> dynamo.describeTable(request -> request.tableName(missing)))
            .isInstanceOf(ResourceNotFoundException.class);
    }

}
