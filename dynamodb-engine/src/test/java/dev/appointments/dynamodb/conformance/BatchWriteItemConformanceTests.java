package dev.appointments.dynamodb.conformance;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

@ExtendWith(ConformanceEndpoint.class)
class BatchWriteItemConformanceTests {

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    private final String first;

    private final String second;

    BatchWriteItemConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.first = tables.withPartitionKey("pk", S);
        this.second = tables.withPartitionKey("pk", S);
    }

    @Test
    @DisplayName("BatchWriteItem puts and deletes items in several tables; UnprocessedItems is empty")
    void putsAndDeletesAcrossTables() {
        dynamo.putItem(request -> request.tableName(second).item(item("pk", s("old"))));

        BatchWriteItemResponse response = dynamo.batchWriteItem(request -> request
            .requestItems(Map.of(first, List.of(put(item("pk", s("a"), "num", n(1))), put(item("pk", s("b")))), second,
                    List.of(delete(item("pk", s("old"))), put(item("pk", s("new")))))));

        assertThat(response.unprocessedItems()).isEmpty();
        assertThat(tables.read(first, item("pk", s("a")))).isEqualTo(item("pk", s("a"), "num", n(1)));
        assertThat(tables.read(first, item("pk", s("b")))).isEqualTo(item("pk", s("b")));
        assertThat(tables.read(second, item("pk", s("old")))).isNull();
        assertThat(tables.read(second, item("pk", s("new")))).isEqualTo(item("pk", s("new")));
    }

    @Test
    @DisplayName("A put request replaces an existing item entirely; deleting a missing item succeeds")
    void putsReplaceAndDeletesOfMissingItemsSucceed() {
        dynamo.putItem(request -> request.tableName(first).item(item("pk", s("a"), "old", s("x"))));

        dynamo.batchWriteItem(request -> request.requestItems(
                Map.of(first, List.of(put(item("pk", s("a"), "new", s("y"))), delete(item("pk", s("missing")))))));

        assertThat(tables.read(first, item("pk", s("a")))).isEqualTo(item("pk", s("a"), "new", s("y")));
    }

    @Test
    @DisplayName("A single BatchWriteItem can transmit up to 25 put or delete requests")
    void accepts25Requests() {
        BatchWriteItemResponse response = dynamo
            .batchWriteItem(request -> request.requestItems(Map.of(first, numberedPuts(25))));

        assertThat(response.unprocessedItems()).isEmpty();
        assertThat(dynamo.scan(request -> request.tableName(first).consistentRead(true)).count()).isEqualTo(25);
    }

    @Test
    @DisplayName("ValidationException: there are more than 25 requests in the batch")
    void refusesMoreThan25Requests() {
        assertRefusedAsInvalid(() -> dynamo.batchWriteItem(
                request -> request.requestItems(Map.of(first, numberedPuts(13), second, numberedPuts(13)))));
        assertThat(dynamo.scan(request -> request.tableName(first).consistentRead(true)).count()).isZero();
    }

    @Test
    @DisplayName("ValidationException: multiple operations on the same item in the same BatchWriteItem request")
    void refusesTwoRequestsForOneItem() {
        assertRefusedAsInvalid(() -> dynamo.batchWriteItem(request -> request
            .requestItems(Map.of(first, List.of(put(item("pk", s("a"))), delete(item("pk", s("a"))))))));
        assertRefusedAsInvalid(() -> dynamo.batchWriteItem(request -> request.requestItems(
                Map.of(first, List.of(put(item("pk", s("a"), "v", n(1))), put(item("pk", s("a"), "v", n(2))))))));
    }

    @Test
    @DisplayName("ValidationException: a put request's item lacks the table's key")
    void refusesAnItemWithoutItsKey() {
        assertRefusedAsInvalid(() -> dynamo
            .batchWriteItem(request -> request.requestItems(Map.of(first, List.of(put(item("other", s("a"))))))));
    }

    @Test
    @DisplayName("ResourceNotFoundException: one of the tables does not exist")
    void refusesAMissingTable() {
        String missing = tables.newName();

        assertThatThrownBy(() -> dynamo
            .batchWriteItem(request -> request.requestItems(Map.of(missing, List.of(put(item("pk", s("a"))))))))
            .isInstanceOf(ResourceNotFoundException.class);
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(put -> put.item(item)).build();
    }

    private static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(delete -> delete.key(key)).build();
    }

    private static List<WriteRequest> numberedPuts(int count) {
        return IntStream.range(0, count).mapToObj(i -> put(item("pk", s("item-" + i)))).toList();
    }

}
