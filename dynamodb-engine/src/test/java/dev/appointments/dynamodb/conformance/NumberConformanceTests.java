package dev.appointments.dynamodb.conformance;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.ns;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.Attributes.values;
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

/**
 * The Number type (the guide's "Supported data types"): up to 38 digits of precision,
 * exact decimals, positive and negative magnitudes from 1E-130 to
 * 9.9999999999999999999999999999999999999E+125, compared by value.
 */
@ExtendWith(ConformanceEndpoint.class)
class NumberConformanceTests {

    private static final String LARGEST = "9.9999999999999999999999999999999999999E+125";

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    private final String table;

    NumberConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.table = tables.withPartitionKey("pk", S);
    }

    @Test
    @DisplayName("Numbers can have up to 38 digits of precision, stored and returned exactly")
    void keeps38Digits() {
        assertThat(roundTrip("12345678901234567890123456789012345678"))
            .isEqualTo("12345678901234567890123456789012345678");
        assertThat(roundTrip("-0.12345678901234567890123456789012345678"))
            .isEqualTo("-0.12345678901234567890123456789012345678");
        assertThat(roundTrip("1234567890123456789.0123456789012345678"))
            .isEqualTo("1234567890123456789.0123456789012345678");
    }

    @Test
    @DisplayName("ValidationException: exceeding 38 digits of precision causes an exception")
    void refusesA39thDigit() {
        assertRefusedAsInvalid(() -> put(n("123456789012345678901234567890123456789")));
        assertRefusedAsInvalid(() -> put(n("1.23456789012345678901234567890123456789")));
    }

    @Test
    @DisplayName("Leading and trailing zeroes are trimmed")
    void trimsLeadingAndTrailingZeroes() {
        assertThat(roundTrip("007.500")).isEqualTo("7.5");
        assertThat(roundTrip("1.0")).isEqualTo("1");
        assertThat(roundTrip("-0.0100")).isEqualTo("-0.01");
    }

    @Test
    @DisplayName("Positive range: 1E-130 to 9.9999999999999999999999999999999999999E+125; the negative mirrors it")
    void acceptsTheWholeRange() {
        put(n("1E-130"));
        put(n(LARGEST));
        put(n("-1E-130"));
        put(n("-" + LARGEST));
        put(n("0"));
    }

    @Test
    @DisplayName("ValidationException: a magnitude beyond the range")
    void refusesMagnitudesBeyondTheRange() {
        assertRefusedAsInvalid(() -> put(n("1E+126")));
        assertRefusedAsInvalid(() -> put(n("-1E+126")));
        assertRefusedAsInvalid(() -> put(n("1E-131")));
        assertRefusedAsInvalid(() -> put(n("-1E-131")));
    }

    @Test
    @DisplayName("ValidationException: a string that is not a number")
    void refusesNonNumbers() {
        assertRefusedAsInvalid(() -> put(n("twelve")));
        assertRefusedAsInvalid(() -> put(n("")));
        assertRefusedAsInvalid(() -> put(n("1.2.3")));
    }

    @Test
    @DisplayName("Arithmetic is exact decimal: 0.1 + 0.2 = 0.3")
    void addsExactDecimals() {
        put(n("0.1"));

        update("ADD v :x", ":x", n("0.2"));

        assertThat(read("v")).isEqualTo(n("0.3"));
    }

    @Test
    @DisplayName("SET with + and - keeps every digit: 1 - 0.9 = 0.1, and 38-digit integers add exactly")
    void subtractsExactDecimals() {
        put(n("1"));
        update("SET v = v - :x", ":x", n("0.9"));
        assertThat(read("v")).isEqualTo(n("0.1"));

        put(n("12345678901234567890123456789012345677"));
        update("SET v = v + :one", ":one", n(1));
        assertThat(read("v")).isEqualTo(n("12345678901234567890123456789012345678"));
    }

    @Test
    @DisplayName("ValidationException: arithmetic whose result is beyond the range overflows")
    void refusesOverflowingArithmetic() {
        put(n(LARGEST));

        assertRefusedAsInvalid(() -> update("ADD v :x", ":x", n(LARGEST)));
        assertRefusedAsInvalid(() -> update("SET v = v + :x", ":x", n(LARGEST)));
        assertThat(new BigDecimal(read("v").n())).isEqualByComparingTo(LARGEST);
    }

    @Test
    @DisplayName("Numbers compare by value in conditions: 10 > 9 and 1.50 = 1.5")
    void comparesByValue() {
        put(n("10"));

        dynamo.putItem(request -> request.tableName(table)
            .item(item("pk", s("k"), "v", n("10")))
            .conditionExpression("v > :nine AND v = :ten")
            .expressionAttributeValues(values(":nine", n("9"), ":ten", n("10.00"))));
    }

    @Test
    @DisplayName("Number sort keys are ordered by numeric value, negatives and decimals included")
    void ordersSortKeysByValue() {
        String sorted = tables.withPartitionAndSortKey("pk", S, "sk", N);
        for (String value : List.of("10", "-2.5", "100", "0", "1.5", "-10", "2", "9.99")) {
            dynamo.putItem(request -> request.tableName(sorted).item(item("pk", s("p"), "sk", n(value))));
        }

        List<String> order = dynamo
            .query(request -> request.tableName(sorted)
                .consistentRead(true)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(values(":p", s("p"))))
            .items()
            .stream()
            .map(found -> found.get("sk").n())
            .toList();

        assertThat(order).containsExactly("-10", "-2.5", "0", "1.5", "2", "9.99", "10", "100");
    }

    @Test
    @DisplayName("A number key identifies the item by value: 1.50 and 1.5 are the same key")
    void numberKeysMatchByValue() {
        String numbered = tables.withPartitionKey("id", N);
        dynamo.putItem(request -> request.tableName(numbered).item(item("id", n("1.50"), "v", s("x"))));

        assertThat(tables.read(numbered, item("id", n("1.5")))).containsEntry("v", s("x"));
    }

    @Test
    @DisplayName("Number sets hold numbers exactly as well")
    void numberSetsKeepPrecision() {
        put(ns("0.1", "12345678901234567890123456789012345678"));

        assertThat(read("v").ns()).containsExactlyInAnyOrder("0.1", "12345678901234567890123456789012345678");
    }

    private String roundTrip(String number) {
        put(n(number));
        return read("v").n();
    }

    private void put(AttributeValue value) {
        dynamo.putItem(request -> request.tableName(table).item(item("pk", s("k"), "v", value)));
    }

    private void update(String expression, Object... placeholdersAndValues) {
        dynamo.updateItem(request -> request.tableName(table)
            .key(item("pk", s("k")))
            .updateExpression(expression)
            .expressionAttributeValues(values(placeholdersAndValues)));
    }

    private AttributeValue read(String attribute) {
        return tables.read(table, item("pk", s("k"))).get(attribute);
    }

}
