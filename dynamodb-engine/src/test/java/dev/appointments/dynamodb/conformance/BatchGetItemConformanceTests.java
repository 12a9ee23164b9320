package dev.appointments.dynamodb.conformance;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

@ExtendWith(ConformanceEndpoint.class)
class BatchGetItemConformanceTests {

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    private final String first;

    private final String second;

    BatchGetItemConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.first = tables.withPartitionKey("pk", S);
        this.second = tables.withPartitionKey("pk", S);
        dynamo.putItem(request -> request.tableName(first).item(item("pk", s("a"), "num", n(1), "str", s("x"))));
        dynamo.putItem(request -> request.tableName(first).item(item("pk", s("b"), "num", n(2), "str", s("y"))));
        dynamo.putItem(request -> request.tableName(second).item(item("pk", s("a"), "num", n(3))));
    }

    @Test
    @DisplayName("BatchGetItem returns the items of several tables by key; keys of missing items return nothing")
    void returnsItemsFromSeveralTables() {
        BatchGetItemResponse response = dynamo.batchGetItem(request -> request
            .requestItems(Map.of(first, keys(item("pk", s("a")), item("pk", s("b")), item("pk", s("missing"))), second,
                    keys(item("pk", s("a"))))));

        assertThat(response.responses().get(first)).containsExactlyInAnyOrder(
                item("pk", s("a"), "num", n(1), "str", s("x")), item("pk", s("b"), "num", n(2), "str", s("y")));
        assertThat(response.responses().get(second)).containsExactly(item("pk", s("a"), "num", n(3)));
        assertThat(response.unprocessedKeys()).isEmpty();
    }

    @Test
    @DisplayName("A ProjectionExpression per table returns only the named attributes")
    void projectsPerTable() {
        BatchGetItemResponse response = dynamo.batchGetItem(request -> request.requestItems(Map.of(first,
                KeysAndAttributes.builder()
                    .keys(item("pk", s("a")))
                    .consistentRead(true)
                    .projectionExpression("str")
                    .build())));

        assertThat(response.responses().get(first)).containsExactly(item("str", s("x")));
    }

    @Test
    @DisplayName("A single BatchGetItem can retrieve up to 100 items")
    void acceptsAHundredKeys() {
        BatchGetItemResponse response = dynamo
            .batchGetItem(request -> request.requestItems(Map.of(first, keys(numberedKeys(100)))));

        assertThat(response.responses().get(first)).hasSize(2);
        assertThat(response.unprocessedKeys()).isEmpty();
    }

    @Test
    @DisplayName("ValidationException: too many items requested for the BatchGetItem call (more than 100)")
    void refusesMoreThanAHundredKeys() {
        assertRefusedAsInvalid(
                () -> dynamo.batchGetItem(request -> request.requestItems(Map.of(first, keys(numberedKeys(101))))));
    }

    @Test
    @DisplayName("ValidationException: the list of keys of a table contains duplicates")
    void refusesDuplicateKeys() {
        assertRefusedAsInvalid(() -> dynamo.batchGetItem(
                request -> request.requestItems(Map.of(first, keys(item("pk", s("a")), item("pk", s("a")))))));
    }

    @Test
    @DisplayName("ResourceNotFoundException: one of the tables does not exist")
    void refusesAMissingTable() {
        String missing = tables.newName();

        assertThatThrownBy(
                () -> dynamo.batchGetItem(request -> request.requestItems(Map.of(missing, keys(item("pk", s("a")))))))
            .isInstanceOf(ResourceNotFoundException.class);
    }

    @SafeVarargs
    private static KeysAndAttributes keys(Map<String, AttributeValue>... keys) {
        return keys(List.of(keys));
    }

    private static KeysAndAttributes keys(List<Map<String, AttributeValue>> keys) {
        return KeysAndAttributes.builder().keys(keys).consistentRead(true).build();
    }

    /** The keys a, b and then "key-n" up to the given count. */
    private static List<Map<String, AttributeValue>> numberedKeys(int count) {
        return IntStream.range(0, count)
            .mapToObj(i -> item("pk", s(i == 0 ? "a" : i == 1 ? "b" : "key-" + i)))
            .toList();
    }

}
