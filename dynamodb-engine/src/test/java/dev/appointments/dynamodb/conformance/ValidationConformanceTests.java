package dev.appointments.dynamodb.conformance;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

import static dev.appointments.dynamodb.conformance.Attributes.bytes;
import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.m;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.names;
import static dev.appointments.dynamodb.conformance.Attributes.ns;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.Attributes.ss;
import static dev.appointments.dynamodb.conformance.Attributes.values;
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

/**
 * Requests DynamoDB refuses with ValidationException (HTTP 400) before touching any item.
 */
@ExtendWith(ConformanceEndpoint.class)
class ValidationConformanceTests {

    /** 400 KB, counting the UTF-8 lengths of attribute names and values. */
    private static final int ITEM_SIZE_LIMIT = 400 * 1024;

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    private final String table;

    ValidationConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.table = tables.withPartitionAndSortKey("pk", S, "sk", N);
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("k"), "sk", n(1), "v", n(1))));
    }

    @Test
    @DisplayName("Value provided in ExpressionAttributeValues unused in expressions")
    void refusesUnusedExpressionAttributeValues() {
        assertRefusedAsInvalid(() -> dynamo.updateItem(request -> request.tableName(table)
            .key(key())
            .updateExpression("SET v = :one")
            .expressionAttributeValues(values(":one", n(1), ":two", n(2)))));
    }

    @Test
    @DisplayName("Value provided in ExpressionAttributeNames unused in expressions")
    void refusesUnusedExpressionAttributeNames() {
        assertRefusedAsInvalid(() -> dynamo.updateItem(request -> request.tableName(table)
            .key(key())
            .updateExpression("SET #v = :one")
            .expressionAttributeValues(values(":one", n(1)))
            .expressionAttributeNames(names("#v", "v", "#w", "w"))));
    }

    @Test
    @DisplayName("An expression attribute value used in expression is not defined")
    void refusesUndefinedExpressionAttributeValues() {
        assertRefusedAsInvalid(() -> dynamo
            .updateItem(request -> request.tableName(table).key(key()).updateExpression("SET v = :undefined")));
    }

    @Test
    @DisplayName("An expression attribute name used in the document path is not defined")
    void refusesUndefinedExpressionAttributeNames() {
        assertRefusedAsInvalid(() -> dynamo.updateItem(request -> request.tableName(table)
            .key(key())
            .updateExpression("SET #undefined = :one")
            .expressionAttributeValues(values(":one", n(1)))));
    }

    @Test
    @DisplayName("ExpressionAttributeValues can only be specified when using expressions")
    void refusesValuesWithoutAnExpression() {
        assertRefusedAsInvalid(() -> dynamo
            .putItem(request -> request.tableName(table).item(key()).expressionAttributeValues(values(":one", n(1)))));
    }

    @Test
    @DisplayName("Attribute name is a reserved keyword: reserved words need an expression attribute name")
    void refusesReservedWordsAsNames() {
        assertRefusedAsInvalid(() -> dynamo.updateItem(request -> request.tableName(table)
            .key(key())
            .updateExpression("SET status = :v")
            .expressionAttributeValues(values(":v", s("x")))));

        dynamo.updateItem(request -> request.tableName(table)
            .key(key())
            .updateExpression("SET #status = :v")
            .expressionAttributeValues(values(":v", s("x")))
            .expressionAttributeNames(names("#status", "status")));
        assertThat(tables.read(table, key())).containsEntry("status", s("x"));
    }

    @Test
    @DisplayName("Invalid expression: a syntax error")
    void refusesExpressionsThatDoNotParse() {
        assertRefusedAsInvalid(() -> dynamo
            .putItem(request -> request.tableName(table).item(key()).conditionExpression("attribute_exists(")));
        assertRefusedAsInvalid(() -> dynamo.putItem(request -> request.tableName(table)
            .item(key())
            .conditionExpression("v = = :one")
            .expressionAttributeValues(values(":one", n(1)))));
        assertRefusedAsInvalid(() -> dynamo
            .putItem(request -> request.tableName(table).item(key()).conditionExpression("no_such_function(v)")));
    }

    @Test
    @DisplayName("Can not use both expression and non-expression parameters in the same request")
    void refusesLegacyParametersWithExpressions() {
        assertRefusedAsInvalid(() -> dynamo.putItem(request -> request.tableName(table)
            .item(key())
            .conditionExpression("attribute_exists(v)")
            .expected(Map.of("v",
                    ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NOT_NULL).build()))));
    }

    @Test
    @DisplayName("The provided key element does not match the schema: a key value of the wrong type")
    void refusesAKeyOfTheWrongType() {
        assertRefusedAsInvalid(
                () -> dynamo.getItem(request -> request.tableName(table).key(item("pk", n(1), "sk", n(1)))));
        assertRefusedAsInvalid(
                () -> dynamo.putItem(request -> request.tableName(table).item(item("pk", s("k"), "sk", s("1")))));
    }

    @Test
    @DisplayName("The provided key element does not match the schema: a key without its sort key, or with extra"
            + " attributes")
    void refusesAnIncompleteOrOversizedKey() {
        assertRefusedAsInvalid(() -> dynamo.getItem(request -> request.tableName(table).key(item("pk", s("k")))));
        assertRefusedAsInvalid(() -> dynamo
            .deleteItem(request -> request.tableName(table).key(item("pk", s("k"), "sk", n(1), "v", n(1)))));
    }

    @Test
    @DisplayName("Missing the key in the item: PutItem needs every key attribute")
    void refusesAnItemWithoutItsKey() {
        assertRefusedAsInvalid(
                () -> dynamo.putItem(request -> request.tableName(table).item(item("pk", s("k"), "v", n(1)))));
    }

    @Test
    @DisplayName("Empty String and Binary values are not allowed for key attributes")
    void refusesAnEmptyKeyString() {
        String stringKeyed = tables.withPartitionKey("id", S);

        assertRefusedAsInvalid(() -> dynamo.putItem(request -> request.tableName(stringKeyed).item(item("id", s("")))));
        assertRefusedAsInvalid(() -> dynamo.getItem(request -> request.tableName(stringKeyed).key(item("id", s("")))));
    }

    @Test
    @DisplayName("The maximum length of a partition key value is 2048 bytes, of a sort key value 1024 bytes")
    void refusesOversizedKeyValues() {
        String stringKeyed = tables.withPartitionAndSortKey("id", S, "sort", S);
        dynamo.putItem(
                request -> request.tableName(stringKeyed).item(item("id", s(bytes(2048)), "sort", s(bytes(1024)))));

        assertRefusedAsInvalid(() -> dynamo
            .putItem(request -> request.tableName(stringKeyed).item(item("id", s(bytes(2049)), "sort", s("x")))));
        assertRefusedAsInvalid(() -> dynamo
            .putItem(request -> request.tableName(stringKeyed).item(item("id", s("x"), "sort", s(bytes(1025))))));
    }

    @Test
    @DisplayName("The maximum item size is 400 KB, attribute names and values together; a smaller item is stored")
    void refusesItemsOver400Kilobytes() {
        dynamo.putItem(request -> request.tableName(table)
            .item(item("pk", s("big"), "sk", n(1), "blob", s(bytes(ITEM_SIZE_LIMIT - 1_000)))));

        assertRefusedAsInvalid(() -> dynamo.putItem(request -> request.tableName(table)
            .item(item("pk", s("big"), "sk", n(2), "blob", s(bytes(ITEM_SIZE_LIMIT + 1))))));
        assertRefusedAsInvalid(() -> dynamo.updateItem(request -> request.tableName(table)
            .key(item("pk", s("big"), "sk", n(1)))
            .updateExpression("SET more = :more")
            .expressionAttributeValues(values(":more", s(bytes(2_000))))));
    }

    @Test
    @DisplayName("An empty set is not allowed")
    void refusesEmptySets() {
        assertRefusedAsInvalid(() -> dynamo
            .putItem(request -> request.tableName(table).item(item("pk", s("k"), "sk", n(2), "tags", ss()))));
    }

    @Test
    @DisplayName("The values within a set must be unique")
    void refusesDuplicateSetMembers() {
        assertRefusedAsInvalid(() -> dynamo
            .putItem(request -> request.tableName(table).item(item("pk", s("k"), "sk", n(2), "tags", ss("a", "a")))));
        assertRefusedAsInvalid(() -> dynamo
            .putItem(request -> request.tableName(table).item(item("pk", s("k"), "sk", n(2), "nums", ns("1", "1.0")))));
    }

    @Test
    @DisplayName("DynamoDB supports nested attributes up to 32 levels deep")
    void refusesNestingDeeperThan32Levels() {
        AttributeValue levels32 = attributeLevels(32);
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("k"), "sk", n(2), "deep", levels32)));

        AttributeValue levels33 = attributeLevels(33);
        assertRefusedAsInvalid(() -> dynamo
            .putItem(request -> request.tableName(table).item(item("pk", s("k"), "sk", n(3), "deep", levels33))));
    }

    /**
     * The value of a top-level attribute (level 1) holding maps down to an attribute at
     * the given level.
     */
    private static AttributeValue attributeLevels(int levels) {
        AttributeValue value = s("bottom");
        for (int level = levels; level > 1; level--) {
            value = m("in", value);
        }
        return value;
    }

    private static Map<String, AttributeValue> key() {
        return item("pk", s("k"), "sk", n(1));
    }

}
