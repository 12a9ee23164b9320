package dev.appointments.dynamodb.conformance;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;

import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

@ExtendWith(ConformanceEndpoint.class)
class TransactGetItemsConformanceTests {

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    private final String first;

    private final String second;

    TransactGetItemsConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.first = tables.withPartitionKey("pk", S);
        this.second = tables.withPartitionKey("pk", S);
        dynamo.putItem(request -> request.tableName(first).item(item("pk", s("a"), "num", n(1), "str", s("x"))));
        dynamo.putItem(request -> request.tableName(second).item(item("pk", s("b"), "num", n(2))));
    }

    @Test
    @DisplayName("Responses are in the order of the requested items; an item that does not exist has an empty response")
    void returnsItemsInRequestOrder() {
        List<ItemResponse> responses = dynamo
            .transactGetItems(
                    request -> request.transactItems(get(second, "b"), get(first, "missing"), get(first, "a")))
            .responses();

        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).item()).isEqualTo(item("pk", s("b"), "num", n(2)));
        assertThat(responses.get(1).hasItem()).isFalse();
        assertThat(responses.get(2).item()).isEqualTo(item("pk", s("a"), "num", n(1), "str", s("x")));
    }

    @Test
    @DisplayName("A ProjectionExpression per Get returns only the named attributes")
    void projectsPerGet() {
        List<ItemResponse> responses = dynamo
            .transactGetItems(request -> request.transactItems(TransactGetItem.builder()
                .get(get -> get.tableName(first).key(item("pk", s("a"))).projectionExpression("str"))
                .build()))
            .responses();

        assertThat(responses.get(0).item()).isEqualTo(item("str", s("x")));
    }

    @Test
    @DisplayName("A transaction reads up to 100 items")
    void acceptsAHundredGets() {
        List<ItemResponse> responses = dynamo.transactGetItems(request -> request.transactItems(numberedGets(100)))
            .responses();

        assertThat(responses).hasSize(100);
        assertThat(responses.get(0).item()).containsEntry("pk", s("a"));
    }

    @Test
    @DisplayName("ValidationException: more than 100 items in one transaction")
    void refusesMoreThanAHundredGets() {
        assertRefusedAsInvalid(() -> dynamo.transactGetItems(request -> request.transactItems(numberedGets(101))));
    }

    @Test
    @DisplayName("ResourceNotFoundException: a table of the transaction does not exist")
    void refusesAMissingTable() {
        String missing = tables.newName();

        assertThatThrownBy(() -> dynamo.transactGetItems(request -> request.transactItems(get(missing, "a"))))
            .isInstanceOf(ResourceNotFoundException.class);
    }

    private static TransactGetItem get(String table, String key) {
        return TransactGetItem.builder().get(get -> get.tableName(table).key(item("pk", s(key)))).build();
    }

    /** "a", then keys of items that do not exist. */
    private List<TransactGetItem> numberedGets(int count) {
        return IntStream.range(0, count).mapToObj(i -> get(first, i == 0 ? "a" : "key-" + i)).toList();
    }

}
