package dev.appointments.dynamodb.conformance;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import static dev.appointments.dynamodb.conformance.Attributes.b;
import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.B;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

@ExtendWith(ConformanceEndpoint.class)
class GetItemConformanceTests {

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    GetItemConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Test
    @DisplayName("GetItem returns the item with the given primary key, with all its attributes")
    void returnsTheItem() {
        String table = tables.withPartitionAndSortKey("pk", S, "sk", N);
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("a"), "sk", n(1), "v", s("one"))));
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("a"), "sk", n(2), "v", s("two"))));

        GetItemResponse response = dynamo
            .getItem(request -> request.tableName(table).key(item("pk", s("a"), "sk", n(2))).consistentRead(true));

        assertThat(response.item()).isEqualTo(item("pk", s("a"), "sk", n(2), "v", s("two")));
    }

    @Test
    @DisplayName("If there is no matching item, GetItem does not return any data and there is no Item element")
    void returnsNoItemWhenThereIsNone() {
        String table = tables.withPartitionKey("pk", S);

        GetItemResponse response = dynamo
            .getItem(request -> request.tableName(table).key(item("pk", s("missing"))).consistentRead(true));

        assertThat(response.hasItem()).isFalse();
    }

    @Test
    @DisplayName("GetItem finds an item by a binary key, byte for byte")
    void findsItemsByBinaryKey() {
        String table = tables.withPartitionKey("pk", B);
        dynamo.putItem(request -> request.tableName(table).item(item("pk", b(0, 128, 255), "v", s("x"))));

        assertThat(tables.read(table, item("pk", b(0, 128, 255)))).isEqualTo(item("pk", b(0, 128, 255), "v", s("x")));
        assertThat(tables.read(table, item("pk", b(0, 128)))).isNull();
    }

    @Test
    @DisplayName("A ProjectionExpression returns only the named attributes; the key only if named")
    void returnsOnlyProjectedAttributes() {
        String table = tables.withPartitionKey("pk", S);
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("a"), "x", n(1), "y", n(2), "z", n(3))));

        GetItemResponse response = dynamo.getItem(request -> request.tableName(table)
            .key(item("pk", s("a")))
            .consistentRead(true)
            .projectionExpression("x, z"));

        assertThat(response.item()).isEqualTo(item("x", n(1), "z", n(3)));
    }

    @Test
    @DisplayName("ResourceNotFoundException: the table does not exist")
    void refusesAMissingTable() {
        String missing = tables.newName();

        assertThatThrownBy(() -> dynamo.getItem(request -> request.tableName(missing).key(item("pk", s("a")))))
            .isInstanceOf(ResourceNotFoundException.class);
    }

}
