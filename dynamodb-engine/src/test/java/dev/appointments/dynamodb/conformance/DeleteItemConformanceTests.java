package dev.appointments.dynamodb.conformance;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.Attributes.values;
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

@ExtendWith(ConformanceEndpoint.class)
class DeleteItemConformanceTests {

    private static final Map<String, AttributeValue> ITEM = item("pk", s("k"), "version", n(3));

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    private final String table;

    DeleteItemConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.table = tables.withPartitionKey("pk", S);
    }

    @Test
    @DisplayName("DeleteItem deletes the item with the given primary key")
    void deletesTheItem() {
        dynamo.putItem(request -> request.tableName(table).item(ITEM));
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("other"))));

        dynamo.deleteItem(request -> request.tableName(table).key(item("pk", s("k"))));

        assertThat(tables.read(table, item("pk", s("k")))).isNull();
        assertThat(tables.read(table, item("pk", s("other")))).isNotNull();
    }

    @Test
    @DisplayName("Deleting an item that does not exist succeeds, and ALL_OLD then returns nothing")
    void deletingAMissingItemSucceeds() {
        DeleteItemResponse response = dynamo.deleteItem(
                request -> request.tableName(table).key(item("pk", s("none"))).returnValues(ReturnValue.ALL_OLD));

        assertThat(response.hasAttributes()).isFalse();
    }

    @Test
    @DisplayName("ReturnValues NONE (the default) returns no attributes")
    void returnsNothingByDefault() {
        dynamo.putItem(request -> request.tableName(table).item(ITEM));

        DeleteItemResponse response = dynamo.deleteItem(request -> request.tableName(table).key(item("pk", s("k"))));

        assertThat(response.hasAttributes()).isFalse();
    }

    @Test
    @DisplayName("ReturnValues ALL_OLD returns the content of the old item")
    void returnsTheDeletedItem() {
        dynamo.putItem(request -> request.tableName(table).item(ITEM));

        DeleteItemResponse response = dynamo
            .deleteItem(request -> request.tableName(table).key(item("pk", s("k"))).returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).isEqualTo(ITEM);
    }

    @Test
    @DisplayName("ValidationException: DeleteItem supports ReturnValues NONE and ALL_OLD only")
    void refusesOtherReturnValues() {
        for (ReturnValue unsupported : new ReturnValue[] { ReturnValue.ALL_NEW, ReturnValue.UPDATED_OLD,
                ReturnValue.UPDATED_NEW }) {
            assertRefusedAsInvalid(() -> dynamo
                .deleteItem(request -> request.tableName(table).key(item("pk", s("k"))).returnValues(unsupported)));
        }
    }

    @Test
    @DisplayName("A failed condition: ConditionalCheckFailedException, and the item stays")
    void conditionalDeleteRefused() {
        dynamo.putItem(request -> request.tableName(table).item(ITEM));

        assertThatThrownBy(() -> dynamo.deleteItem(request -> request.tableName(table)
            .key(item("pk", s("k")))
            .conditionExpression("version = :expected")
            .expressionAttributeValues(values(":expected", n(1))))).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(tables.read(table, item("pk", s("k")))).isEqualTo(ITEM);
    }

    @Test
    @DisplayName("A condition that holds lets the delete through")
    void conditionalDeleteWhenTheConditionHolds() {
        dynamo.putItem(request -> request.tableName(table).item(ITEM));

        dynamo.deleteItem(request -> request.tableName(table)
            .key(item("pk", s("k")))
            .conditionExpression("version = :expected")
            .expressionAttributeValues(values(":expected", n(3))));

        assertThat(tables.read(table, item("pk", s("k")))).isNull();
    }

    @Test
    @DisplayName("ReturnValuesOnConditionCheckFailure ALL_OLD returns the item that failed the condition")
    void returnsTheItemThatFailedTheCondition() {
        dynamo.putItem(request -> request.tableName(table).item(ITEM));

        assertThatThrownBy(() -> dynamo.deleteItem(request -> request.tableName(table)
            .key(item("pk", s("k")))
            .conditionExpression("version = :expected")
            .expressionAttributeValues(values(":expected", n(1)))
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))).isInstanceOfSatisfying(
                    ConditionalCheckFailedException.class, failed -> assertThat(failed.item()).isEqualTo(ITEM));
    }

    @Test
    @DisplayName("attribute_exists on a missing item fails the delete with ConditionalCheckFailedException")
    void conditionOnAMissingItemFails() {
        assertThatThrownBy(() -> dynamo.deleteItem(request -> request.tableName(table)
            .key(item("pk", s("none")))
            .conditionExpression("attribute_exists(pk)"))).isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    @DisplayName("ResourceNotFoundException: the table does not exist")
    void refusesAMissingTable() {
        String missing = tables.newName();

        assertThatThrownBy(() -> dynamo.deleteItem(request -> request.tableName(missing).key(item("pk", s("a")))))
            .isInstanceOf(ResourceNotFoundException.class);
    }

}
