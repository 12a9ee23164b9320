package dev.appointments.dynamodb.conformance;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.Attributes.values;
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

/**
 * TransactWriteItems: all of the actions succeed or none of them does. The orders table
 * starts with "counter" (hits 1) and the guards table with "guard" and "doomed".
 */
@ExtendWith(ConformanceEndpoint.class)
class TransactWriteItemsConformanceTests {

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    private final String orders;

    private final String guards;

    TransactWriteItemsConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.orders = tables.withPartitionKey("pk", S);
        this.guards = tables.withPartitionKey("pk", S);
        dynamo.putItem(request -> request.tableName(orders).item(item("pk", s("counter"), "hits", n(1))));
        dynamo.putItem(request -> request.tableName(guards).item(item("pk", s("guard"))));
        dynamo.putItem(request -> request.tableName(guards).item(item("pk", s("doomed"))));
    }

    @Test
    @DisplayName("Put, Update, Delete and ConditionCheck on items of two tables are applied together")
    void appliesEveryAction() {
        dynamo.transactWriteItems(request -> request.transactItems(put(orders, item("pk", s("new"), "v", s("x"))),
                incrementCounter(), delete(guards, "doomed"), check(guards, "guard", "attribute_exists(pk)")));

        assertThat(tables.read(orders, item("pk", s("new")))).isEqualTo(item("pk", s("new"), "v", s("x")));
        assertThat(tables.read(orders, item("pk", s("counter")))).containsEntry("hits", n(2));
        assertThat(tables.read(guards, item("pk", s("doomed")))).isNull();
    }

    @Test
    @DisplayName("A failed condition cancels the whole transaction: TransactionCanceledException, nothing applied")
    void aFailedConditionCancelsEverything() {
        assertThatThrownBy(
                () -> dynamo.transactWriteItems(request -> request.transactItems(put(orders, item("pk", s("new"))),
                        TransactWriteItem.builder()
                            .update(update -> update.tableName(orders)
                                .key(item("pk", s("counter")))
                                .updateExpression("ADD hits :one")
                                .conditionExpression("hits > :ten")
                                .expressionAttributeValues(values(":one", n(1), ":ten", n(10))))
                            .build(),
                        delete(guards, "doomed"))))
            .isInstanceOf(TransactionCanceledException.class);

        assertThat(tables.read(orders, item("pk", s("new")))).isNull();
        assertThat(tables.read(orders, item("pk", s("counter")))).containsEntry("hits", n(1));
        assertThat(tables.read(guards, item("pk", s("doomed")))).isNotNull();
    }

    @Test
    @DisplayName("CancellationReasons are in the order of the actions: None for those that would have succeeded,"
            + " ConditionalCheckFailed for the failed condition")
    void reportsAReasonPerActionInRequestOrder() {
        assertThatThrownBy(() -> dynamo
            .transactWriteItems(request -> request.transactItems(put(orders, item("pk", s("new"))), incrementCounter(),
                    check(guards, "guard", "attribute_not_exists(pk)"), delete(guards, "doomed"))))
            .isInstanceOfSatisfying(TransactionCanceledException.class, cancelled -> {
                assertThat(cancelled.hasCancellationReasons()).isTrue();
                assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code)
                    .containsExactly("None", "None", "ConditionalCheckFailed", "None");
            });
        assertThat(tables.read(orders, item("pk", s("counter")))).containsEntry("hits", n(1));
    }

    @Test
    @DisplayName("ReturnValuesOnConditionCheckFailure ALL_OLD puts the item that failed into its cancellation reason")
    void returnsTheItemThatFailedTheCondition() {
        assertThatThrownBy(
                () -> dynamo.transactWriteItems(request -> request.transactItems(put(orders, item("pk", s("new"))),
                        TransactWriteItem.builder()
                            .conditionCheck(check -> check.tableName(orders)
                                .key(item("pk", s("counter")))
                                .conditionExpression("hits > :ten")
                                .expressionAttributeValues(values(":ten", n(10)))
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                            .build())))
            .isInstanceOfSatisfying(TransactionCanceledException.class, cancelled -> {
                CancellationReason failed = cancelled.cancellationReasons().get(1);
                assertThat(failed.code()).isEqualTo("ConditionalCheckFailed");
                assertThat(failed.item()).isEqualTo(item("pk", s("counter"), "hits", n(1)));
            });
    }

    @Test
    @DisplayName("A condition on an item that does not exist fails the transaction")
    void aConditionOnAMissingItemFails() {
        assertThatThrownBy(() -> dynamo.transactWriteItems(request -> request
            .transactItems(put(orders, item("pk", s("new"))), check(guards, "missing", "attribute_exists(pk)"))))
            .isInstanceOfSatisfying(TransactionCanceledException.class,
                    cancelled -> assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code)
                        .containsExactly("None", "ConditionalCheckFailed"));
        assertThat(tables.read(orders, item("pk", s("new")))).isNull();
    }

    @Test
    @DisplayName("ValidationException: a transaction cannot include multiple operations on one item")
    void refusesTwoActionsOnOneItem() {
        assertRefusedAsInvalid(() -> dynamo.transactWriteItems(request -> request.transactItems(incrementCounter(),
                check(orders, "counter", "attribute_exists(pk)"))));
        assertThat(tables.read(orders, item("pk", s("counter")))).containsEntry("hits", n(1));
    }

    @Test
    @DisplayName("A transaction holds up to 100 actions")
    void acceptsAHundredActions() {
        dynamo.transactWriteItems(request -> request.transactItems(numberedPuts(100)));

        assertThat(tables.read(orders, item("pk", s("item-99")))).isNotNull();
    }

    @Test
    @DisplayName("ValidationException: more than 100 actions in one transaction")
    void refusesMoreThanAHundredActions() {
        assertRefusedAsInvalid(() -> dynamo.transactWriteItems(request -> request.transactItems(numberedPuts(101))));
        assertThat(tables.read(orders, item("pk", s("item-0")))).isNull();
    }

    @Test
    @DisplayName("ClientRequestToken: identical calls with the same token have the same effect as one")
    void repeatsWithTheSameTokenHaveNoFurtherEffect() {
        String token = UUID.randomUUID().toString();

        dynamo.transactWriteItems(request -> request.clientRequestToken(token).transactItems(incrementCounter()));
        dynamo.transactWriteItems(request -> request.clientRequestToken(token).transactItems(incrementCounter()));

        assertThat(tables.read(orders, item("pk", s("counter")))).containsEntry("hits", n(2));
    }

    @Test
    @DisplayName("IdempotentParameterMismatchException: the same token with different parameters")
    void refusesTheSameTokenForADifferentRequest() {
        String token = UUID.randomUUID().toString();
        dynamo.transactWriteItems(request -> request.clientRequestToken(token).transactItems(incrementCounter()));

        assertThatThrownBy(() -> dynamo.transactWriteItems(
                request -> request.clientRequestToken(token).transactItems(put(orders, item("pk", s("other"))))))
            .isInstanceOf(IdempotentParameterMismatchException.class);
        assertThat(tables.read(orders, item("pk", s("other")))).isNull();
    }

    @Test
    @DisplayName("ResourceNotFoundException: a table of the transaction does not exist")
    void refusesAMissingTable() {
        String missing = tables.newName();

        assertThatThrownBy(
                () -> dynamo.transactWriteItems(request -> request.transactItems(put(missing, item("pk", s("a"))))))
            .isInstanceOf(ResourceNotFoundException.class);
    }

    private TransactWriteItem incrementCounter() {
        return TransactWriteItem.builder()
            .update(update -> update.tableName(orders)
                .key(item("pk", s("counter")))
                .updateExpression("ADD hits :one")
                .expressionAttributeValues(values(":one", n(1))))
            .build();
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(put -> put.tableName(table).item(item)).build();
    }

    private static TransactWriteItem delete(String table, String key) {
        return TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(item("pk", s(key)))).build();
    }

    private static TransactWriteItem check(String table, String key, String condition) {
        return TransactWriteItem.builder()
            .conditionCheck(check -> check.tableName(table).key(item("pk", s(key))).conditionExpression(condition))
            .build();
    }

    private List<TransactWriteItem> numberedPuts(int count) {
        return IntStream.range(0, count).mapToObj(i -> put(orders, item("pk", s("item-" + i)))).toList();
    }

}
