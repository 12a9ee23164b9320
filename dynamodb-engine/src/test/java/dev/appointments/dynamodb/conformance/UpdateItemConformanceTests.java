package dev.appointments.dynamodb.conformance;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.m;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.Attributes.values;
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

@ExtendWith(ConformanceEndpoint.class)
class UpdateItemConformanceTests {

    /** One update that changes a, adds d and removes b, leaving c alone. */
    private static final String UPDATE = "SET a = :two, d = :new REMOVE b";

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    private final String table;

    UpdateItemConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.table = tables.withPartitionKey("pk", S);
    }

    @Test
    @DisplayName("UpdateItem creates the item when none has the key (an upsert), with the key and the set attributes")
    void createsAMissingItem() {
        dynamo.updateItem(request -> request.tableName(table)
            .key(item("pk", s("new")))
            .updateExpression("SET v = :v")
            .expressionAttributeValues(values(":v", s("x"))));

        assertThat(tables.read(table, item("pk", s("new")))).isEqualTo(item("pk", s("new"), "v", s("x")));
    }

    @Test
    @DisplayName("UpdateItem without an update expression creates an item holding only its key")
    void createsAKeyOnlyItem() {
        dynamo.updateItem(request -> request.tableName(table).key(item("pk", s("bare"))));

        assertThat(tables.read(table, item("pk", s("bare")))).isEqualTo(item("pk", s("bare")));
    }

    @Test
    @DisplayName("UpdateItem works on a table with a sort key, keyed by both attributes")
    void updatesByCompositeKey() {
        String composite = tables.withPartitionAndSortKey("pk", S, "sk", N);
        dynamo.putItem(request -> request.tableName(composite).item(item("pk", s("a"), "sk", n(1), "v", n(1))));
        dynamo.putItem(request -> request.tableName(composite).item(item("pk", s("a"), "sk", n(2), "v", n(1))));

        dynamo.updateItem(request -> request.tableName(composite)
            .key(item("pk", s("a"), "sk", n(2)))
            .updateExpression("SET v = :v")
            .expressionAttributeValues(values(":v", n(2))));

        assertThat(tables.read(composite, item("pk", s("a"), "sk", n(1))).get("v")).isEqualTo(n(1));
        assertThat(tables.read(composite, item("pk", s("a"), "sk", n(2))).get("v")).isEqualTo(n(2));
    }

    @Test
    @DisplayName("ReturnValues NONE (the default) returns no attributes")
    void returnsNothingByDefault() {
        UpdateItemResponse response = update(ReturnValue.NONE);

        assertThat(response.hasAttributes()).isFalse();
    }

    @Test
    @DisplayName("ReturnValues ALL_OLD returns all of the attributes of the item, as they appeared before the update")
    void returnsAllOld() {
        UpdateItemResponse response = update(ReturnValue.ALL_OLD);

        assertThat(response.attributes()).isEqualTo(item("pk", s("k"), "a", n(1), "b", s("x"), "c", s("keep")));
    }

    @Test
    @DisplayName("ReturnValues UPDATED_OLD returns only the updated attributes, as they appeared before the update")
    void returnsUpdatedOld() {
        UpdateItemResponse response = update(ReturnValue.UPDATED_OLD);

        assertThat(response.attributes()).isEqualTo(item("a", n(1), "b", s("x")));
    }

    @Test
    @DisplayName("ReturnValues ALL_NEW returns all of the attributes of the item, as they appear after the update")
    void returnsAllNew() {
        UpdateItemResponse response = update(ReturnValue.ALL_NEW);

        assertThat(response.attributes()).isEqualTo(item("pk", s("k"), "a", n(2), "c", s("keep"), "d", s("new")));
    }

    @Test
    @DisplayName("ReturnValues UPDATED_NEW returns only the updated attributes, as they appear after the update")
    void returnsUpdatedNew() {
        UpdateItemResponse response = update(ReturnValue.UPDATED_NEW);

        assertThat(response.attributes()).isEqualTo(item("a", n(2), "d", s("new")));
    }

    @Test
    @DisplayName("UPDATED_NEW of a nested update returns just the updated path, inside its maps")
    void returnsUpdatedNestedPaths() {
        dynamo.putItem(request -> request.tableName(table)
            .item(item("pk", s("k"), "doc", m("mid", m("leaf", n(1), "twig", n(2))), "rest", n(3))));

        UpdateItemResponse response = dynamo.updateItem(request -> request.tableName(table)
            .key(item("pk", s("k")))
            .updateExpression("SET doc.mid.leaf = :v")
            .expressionAttributeValues(values(":v", n(10)))
            .returnValues(ReturnValue.UPDATED_NEW));

        // Only doc.mid.leaf was updated; some emulators return the whole top-level
        // attribute, siblings included.
        assertThat(response.attributes()).isEqualTo(item("doc", m("mid", m("leaf", n(10)))));
    }

    @Test
    @DisplayName("A failed condition: ConditionalCheckFailedException, and the item is unchanged")
    void conditionalUpdateRefused() {
        Map<String, AttributeValue> original = item("pk", s("k"), "version", n(3));
        dynamo.putItem(request -> request.tableName(table).item(original));

        assertThatThrownBy(() -> dynamo.updateItem(request -> request.tableName(table)
            .key(item("pk", s("k")))
            .updateExpression("SET version = :next")
            .conditionExpression("version = :expected")
            .expressionAttributeValues(values(":next", n(2), ":expected", n(1)))))
            .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(tables.read(table, item("pk", s("k")))).isEqualTo(original);
    }

    @Test
    @DisplayName("ReturnValuesOnConditionCheckFailure ALL_OLD returns the item that failed the condition")
    void returnsTheItemThatFailedTheCondition() {
        Map<String, AttributeValue> original = item("pk", s("k"), "version", n(3));
        dynamo.putItem(request -> request.tableName(table).item(original));

        assertThatThrownBy(() -> dynamo.updateItem(request -> request.tableName(table)
            .key(item("pk", s("k")))
            .updateExpression("SET version = :next")
            .conditionExpression("version = :expected")
            .expressionAttributeValues(values(":next", n(2), ":expected", n(1)))
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))).isInstanceOfSatisfying(
                    ConditionalCheckFailedException.class, failed -> assertThat(failed.item()).isEqualTo(original));
    }

    @Test
    @DisplayName("A condition on a missing item sees no attributes: attribute_exists fails and no item is made")
    void conditionOnAMissingItemFails() {
        assertThatThrownBy(() -> dynamo.updateItem(request -> request.tableName(table)
            .key(item("pk", s("none")))
            .updateExpression("SET v = :v")
            .conditionExpression("attribute_exists(pk)")
            .expressionAttributeValues(values(":v", n(1))))).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(tables.read(table, item("pk", s("none")))).isNull();
    }

    @Test
    @DisplayName("ValidationException: an update expression cannot change a key attribute")
    void refusesToUpdateTheKey() {
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("k"))));

        assertRefusedAsInvalid(() -> dynamo.updateItem(request -> request.tableName(table)
            .key(item("pk", s("k")))
            .updateExpression("SET pk = :other")
            .expressionAttributeValues(values(":other", s("j")))));
    }

    @Test
    @DisplayName("ResourceNotFoundException: the table does not exist")
    void refusesAMissingTable() {
        String missing = tables.newName();

        assertThatThrownBy(() -> dynamo.updateItem(request -> request.tableName(missing)
            .key(item("pk", s("a")))
            .updateExpression("SET v = :v")
            .expressionAttributeValues(values(":v", n(1))))).isInstanceOf(ResourceNotFoundException.class);
    }

    private UpdateItemResponse update(ReturnValue returnValue) {
        dynamo.putItem(
                request -> request.tableName(table).item(item("pk", s("k"), "a", n(1), "b", s("x"), "c", s("keep"))));
        return dynamo.updateItem(request -> request.tableName(table)
            .key(item("pk", s("k")))
            .updateExpression(UPDATE)
            .expressionAttributeValues(values(":two", n(2), ":new", s("new")))
            .returnValues(returnValue));
    }

}
