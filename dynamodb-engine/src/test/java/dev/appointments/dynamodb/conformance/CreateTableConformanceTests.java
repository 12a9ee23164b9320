package dev.appointments.dynamodb.conformance;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import static dev.appointments.dynamodb.conformance.ConformanceTables.definition;
import static dev.appointments.dynamodb.conformance.ConformanceTables.key;
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

@ExtendWith(ConformanceEndpoint.class)
class CreateTableConformanceTests {

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    CreateTableConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Test
    @DisplayName("CreateTable returns the table's description while it is CREATING; it then becomes ACTIVE")
    void createdTableBecomesActive() {
        String name = tables.newName();

        TableDescription created = dynamo
            .createTable(request -> request.tableName(name)
                .attributeDefinitions(definition("pk", S), definition("sk", N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST))
            .tableDescription();

        assertThat(created.tableName()).isEqualTo(name);
        assertThat(created.tableStatus()).isIn(TableStatus.CREATING, TableStatus.ACTIVE);
        assertThat(created.keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
        tables.awaitActive(name);
        assertThat(dynamo.describeTable(request -> request.tableName(name)).table().tableStatus())
            .isEqualTo(TableStatus.ACTIVE);
    }

    @Test
    @DisplayName("A new table holds no items")
    void newTableIsEmpty() {
        String table = tables.withPartitionKey("pk", S);

        assertThat(dynamo.scan(request -> request.tableName(table).consistentRead(true)).count()).isZero();
    }

    @Test
    @DisplayName("ResourceInUseException: the table already exists")
    void refusesANameInUse() {
        String table = tables.withPartitionKey("pk", S);

        assertThatThrownBy(() -> dynamo.createTable(request -> request.tableName(table)
            .attributeDefinitions(definition("pk", S))
            .keySchema(key("pk", KeyType.HASH))
            .billingMode(BillingMode.PAY_PER_REQUEST))).isInstanceOf(ResourceInUseException.class);
    }

    @Test
    @DisplayName("Global secondary indexes created with the table are ACTIVE when the table is")
    void createsGlobalSecondaryIndexesWithTheTable() {
        String table = tables.create(request -> request
            .attributeDefinitions(definition("pk", S), definition("owner", S), definition("created", N))
            .keySchema(key("pk", KeyType.HASH))
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                .indexName("by-owner")
                .keySchema(key("owner", KeyType.HASH), key("created", KeyType.RANGE))
                .projection(projection -> projection.projectionType(ProjectionType.KEYS_ONLY))
                .build()));

        var indexes = dynamo.describeTable(request -> request.tableName(table)).table().globalSecondaryIndexes();

        assertThat(indexes).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("by-owner");
            assertThat(index.keySchema()).containsExactly(key("owner", KeyType.HASH), key("created", KeyType.RANGE));
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
            assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        });
    }

    @Test
    @DisplayName("ValidationException: a key attribute must be defined in AttributeDefinitions")
    void refusesAKeyWithoutItsDefinition() {
        String name = tables.newName();

        assertRefusedAsInvalid(() -> dynamo.createTable(request -> request.tableName(name)
            .attributeDefinitions(definition("other", S))
            .keySchema(key("pk", KeyType.HASH))
            .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    @DisplayName("ValidationException: AttributeDefinitions may only define attributes used in a key schema")
    void refusesADefinitionNoKeyUses() {
        String name = tables.newName();

        assertRefusedAsInvalid(() -> dynamo.createTable(request -> request.tableName(name)
            .attributeDefinitions(definition("pk", S), definition("unused", S))
            .keySchema(key("pk", KeyType.HASH))
            .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    @DisplayName("ValidationException: a key schema has exactly one HASH element")
    void refusesTwoPartitionKeys() {
        String name = tables.newName();

        assertRefusedAsInvalid(() -> dynamo.createTable(request -> request.tableName(name)
            .attributeDefinitions(definition("pk", S), definition("other", S))
            .keySchema(key("pk", KeyType.HASH), key("other", KeyType.HASH))
            .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    @Test
    @DisplayName("ValidationException: table names use only a-z, A-Z, 0-9, '_', '-' and '.'")
    void refusesATableNameWithOtherCharacters() {
        String name = tables.newName() + "!bad name";

        assertRefusedAsInvalid(() -> dynamo.createTable(request -> request.tableName(name)
            .attributeDefinitions(definition("pk", S))
            .keySchema(key("pk", KeyType.HASH))
            .billingMode(BillingMode.PAY_PER_REQUEST)));
    }

}
