package dev.appointments.dynamodb.conformance;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import static dev.appointments.dynamodb.conformance.Attributes.b;
import static dev.appointments.dynamodb.conformance.Attributes.bool;
import static dev.appointments.dynamodb.conformance.Attributes.bs;
import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.l;
import static dev.appointments.dynamodb.conformance.Attributes.m;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.ns;
import static dev.appointments.dynamodb.conformance.Attributes.nul;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.Attributes.ss;
import static dev.appointments.dynamodb.conformance.Attributes.values;
import static dev.appointments.dynamodb.conformance.Attributes.withSortedSets;
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

@ExtendWith(ConformanceEndpoint.class)
class PutItemConformanceTests {

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    private final String table;

    PutItemConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.table = tables.withPartitionKey("pk", S);
    }

    @Test
    @DisplayName("PutItem stores every data type: scalars, documents and sets, nested, as given")
    void storesEveryDataType() {
        Map<String, AttributeValue> written = item("pk", s("all-types"), "str", s("text"), "num", n("-12.5"), "bin",
                b(0, 1, 255), "yes", bool(true), "nothing", nul(), "things",
                l(s("a"), n(1), l(bool(false)), m("k", s("v"))), "doc",
                m("inner", m("deep", ss("x", "y")), "count", n(3)), "tags", ss("red", "blue"), "nums", ns("1", "2.5"),
                "bins", bs("one", "two"));

        dynamo.putItem(request -> request.tableName(table).item(written));

        assertThat(withSortedSets(tables.read(table, item("pk", s("all-types"))))).isEqualTo(withSortedSets(written));
    }

    @Test
    @DisplayName("PutItem replaces an existing item with the same key entirely")
    void replacesTheWholeItem() {
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("a"), "old", s("1"), "kept", s("?"))));

        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("a"), "new", s("2"))));

        assertThat(tables.read(table, item("pk", s("a")))).isEqualTo(item("pk", s("a"), "new", s("2")));
    }

    @Test
    @DisplayName("Empty String and Binary values are allowed for non-key attributes")
    void acceptsEmptyNonKeyStringsAndBinaries() {
        Map<String, AttributeValue> written = item("pk", s("a"), "emptyString", s(""), "emptyBinary", b());

        dynamo.putItem(request -> request.tableName(table).item(written));

        assertThat(tables.read(table, item("pk", s("a")))).isEqualTo(written);
    }

    @Test
    @DisplayName("ReturnValues NONE (the default) returns no attributes")
    void returnsNothingByDefault() {
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("a"), "v", s("old"))));

        PutItemResponse response = dynamo.putItem(request -> request.tableName(table)
            .item(item("pk", s("a"), "v", s("new")))
            .returnValues(ReturnValue.NONE));

        assertThat(response.hasAttributes()).isFalse();
    }

    @Test
    @DisplayName("ReturnValues ALL_OLD returns the item as it was before it was overwritten")
    void returnsTheReplacedItem() {
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("a"), "v", s("old"))));

        PutItemResponse response = dynamo.putItem(request -> request.tableName(table)
            .item(item("pk", s("a"), "v", s("new")))
            .returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).isEqualTo(item("pk", s("a"), "v", s("old")));
    }

    @Test
    @DisplayName("ReturnValues ALL_OLD returns nothing when no item was overwritten")
    void returnsNothingForANewItem() {
        PutItemResponse response = dynamo
            .putItem(request -> request.tableName(table).item(item("pk", s("new"))).returnValues(ReturnValue.ALL_OLD));

        assertThat(response.hasAttributes()).isFalse();
    }

    @Test
    @DisplayName("ValidationException: PutItem supports ReturnValues NONE and ALL_OLD only")
    void refusesOtherReturnValues() {
        for (ReturnValue unsupported : new ReturnValue[] { ReturnValue.ALL_NEW, ReturnValue.UPDATED_OLD,
                ReturnValue.UPDATED_NEW }) {
            assertRefusedAsInvalid(() -> dynamo
                .putItem(request -> request.tableName(table).item(item("pk", s("a"))).returnValues(unsupported)));
        }
    }

    @Test
    @DisplayName("attribute_not_exists(pk) prevents overwriting: ConditionalCheckFailedException, item unchanged")
    void conditionalPutRefusesToOverwrite() {
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("a"), "v", s("first"))));

        assertThatThrownBy(() -> dynamo.putItem(request -> request.tableName(table)
            .item(item("pk", s("a"), "v", s("second")))
            .conditionExpression("attribute_not_exists(pk)"))).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(tables.read(table, item("pk", s("a")))).isEqualTo(item("pk", s("a"), "v", s("first")));
    }

    @Test
    @DisplayName("A condition that holds lets the put through")
    void conditionalPutWritesWhenTheConditionHolds() {
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("a"), "version", n(1))));

        dynamo.putItem(request -> request.tableName(table)
            .item(item("pk", s("a"), "version", n(2)))
            .conditionExpression("version = :expected")
            .expressionAttributeValues(values(":expected", n(1))));

        assertThat(tables.read(table, item("pk", s("a")))).isEqualTo(item("pk", s("a"), "version", n(2)));
    }

    @Test
    @DisplayName("attribute_not_exists(pk) lets a new item in")
    void conditionalPutCreatesANewItem() {
        dynamo.putItem(request -> request.tableName(table)
            .item(item("pk", s("a")))
            .conditionExpression("attribute_not_exists(pk)"));

        assertThat(tables.read(table, item("pk", s("a")))).isEqualTo(item("pk", s("a")));
    }

    @Test
    @DisplayName("ReturnValuesOnConditionCheckFailure ALL_OLD returns the item that failed the condition")
    void returnsTheItemThatFailedTheCondition() {
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("a"), "v", s("first"))));

        assertThatThrownBy(() -> dynamo.putItem(request -> request.tableName(table)
            .item(item("pk", s("a"), "v", s("second")))
            .conditionExpression("attribute_not_exists(pk)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
            .isInstanceOfSatisfying(ConditionalCheckFailedException.class,
                    failed -> assertThat(failed.item()).isEqualTo(item("pk", s("a"), "v", s("first"))));
    }

    @Test
    @DisplayName("Without ReturnValuesOnConditionCheckFailure the failure carries no item")
    void failedConditionCarriesNoItemByDefault() {
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("a"))));

        assertThatThrownBy(() -> dynamo.putItem(request -> request.tableName(table)
            .item(item("pk", s("a")))
            .conditionExpression("attribute_not_exists(pk)"))).isInstanceOfSatisfying(
                    ConditionalCheckFailedException.class, failed -> assertThat(failed.hasItem()).isFalse());
    }

    @Test
    @DisplayName("ResourceNotFoundException: the table does not exist")
    void refusesAMissingTable() {
        String missing = tables.newName();

        assertThatThrownBy(() -> dynamo.putItem(request -> request.tableName(missing).item(item("pk", s("a")))))
            .isInstanceOf(ResourceNotFoundException.class);
    }

}
