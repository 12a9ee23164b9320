package dev.appointments.dynamodb.conformance;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.ConformanceTables.definition;
import static dev.appointments.dynamodb.conformance.ConformanceTables.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

@ExtendWith(ConformanceEndpoint.class)
class DeleteTableConformanceTests {

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    DeleteTableConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Test
    @DisplayName("DeleteTable puts the table in the DELETING state; it then no longer exists")
    void deletedTableGoesAway() {
        String table = tables.withPartitionKey("pk", S);

        TableDescription deleting = dynamo.deleteTable(request -> request.tableName(table)).tableDescription();

        assertThat(deleting.tableName()).isEqualTo(table);
        // The API reference: "After a DeleteTable request, the specified table is in the
        // DELETING state"; some
        // emulators answer ACTIVE.
        assertThat(deleting.tableStatus()).isEqualTo(TableStatus.DELETING);
        tables.awaitDeleted(table);
        assertThatThrownBy(() -> dynamo.describeTable(request -> request.tableName(table)))
            .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("ResourceNotFoundException: the table does not exist")
    void refusesAMissingTable() {
        String missing = tables.newName();

        assertThatThrownBy(() -> dynamo.deleteTable(request -> request.tableName(missing)))
            .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("Item operations on a deleted table fail with ResourceNotFoundException")
    void itemOperationsOnADeletedTableFail() {
        String table = tables.withPartitionKey("pk", S);
        dynamo.deleteTable(request -> request.tableName(table));
        tables.awaitDeleted(table);

        assertThatThrownBy(() -> dynamo.putItem(request -> request.tableName(table).item(item("pk", s("a")))))
            .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("DeleteTable deletes the table's items: a new table of the same name starts empty")
    void deletesTheItemsWithTheTable() {
        String table = tables.withPartitionKey("pk", S);
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("a"))));

        dynamo.deleteTable(request -> request.tableName(table));
        tables.awaitDeleted(table);
        dynamo.createTable(request -> request.tableName(table)
            .attributeDefinitions(definition("pk", S))
            .keySchema(key("pk", KeyType.HASH))
            .billingMode(BillingMode.PAY_PER_REQUEST));
        tables.awaitActive(table);

        assertThat(tables.read(table, item("pk", s("a")))).isNull();
    }

}
