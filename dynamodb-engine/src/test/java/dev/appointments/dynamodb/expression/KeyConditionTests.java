package dev.appointments.dynamodb.expression;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.appointments.dynamodb.expression.KeyCondition.RangeCondition;
import dev.appointments.dynamodb.expression.KeyCondition.RangeCondition.Operator;
import dev.appointments.dynamodb.value.Value;

import static dev.appointments.dynamodb.expression.TestValues.assertValidation;
import static dev.appointments.dynamodb.expression.TestValues.b;
import static dev.appointments.dynamodb.expression.TestValues.n;
import static dev.appointments.dynamodb.expression.TestValues.names;
import static dev.appointments.dynamodb.expression.TestValues.s;
import static dev.appointments.dynamodb.expression.TestValues.values;
import static org.assertj.core.api.Assertions.assertThat;

class KeyConditionTests {

    private static final String PREFIX = "Invalid KeyConditionExpression: ";

    private static KeyCondition parse(String expression, Map<String, Value> values) {
        return KeyCondition.parse(expression, new ExpressionContext(Map.of(), values), "p", "c");
    }

    @Test
    void partitionKeyEqualityAloneSelectsTheWholePartition() {
        KeyCondition condition = parse(" p  =   :p ", values(":p", s("x")));
        assertThat(condition.hashValue()).isEqualTo(s("x"));
        assertThat(condition.range()).isEmpty();
        assertThat(
                KeyCondition.parse("p = :p", new ExpressionContext(Map.of(), values(":p", s("x"))), "p", null).range())
            .isEmpty();
    }

    @Test
    void sortKeyConditionsComeInEitherOrderAndWithEitherOperandFirst() {
        Map<String, Value> values = values(":p", s("x"), ":c", n("5"));
        assertThat(parse("p = :p AND c < :c", values).range()).contains(new RangeCondition(Operator.LT, n("5"), null));
        assertThat(parse("c <= :c AND p = :p", values).range()).contains(new RangeCondition(Operator.LE, n("5"), null));
        assertThat(parse(":p = p AND :c < c", values).range()).contains(new RangeCondition(Operator.GT, n("5"), null));
        assertThat(parse(":c >= c and :p = p", values).range()).contains(new RangeCondition(Operator.LE, n("5"), null));
        assertThat(parse("((c = :c) AND (p = :p))", values).range())
            .contains(new RangeCondition(Operator.EQ, n("5"), null));
    }

    @Test
    void betweenAndBeginsWithAreTheOtherSortKeyConditions() {
        assertThat(
                parse("p = :p AnD c BeTwEeN :lo aNd :hi", values(":p", s("x"), ":lo", n("4"), ":hi", n("7"))).range())
            .contains(new RangeCondition(Operator.BETWEEN, n("4"), n("7")));
        assertThat(parse("p = :p AND begins_with(c, :pre)", values(":p", s("x"), ":pre", s("00"))).range())
            .contains(new RangeCondition(Operator.BEGINS_WITH, s("00"), null));
    }

    @Test
    void rangeConditionsMatchSortKeyValuesOfTheirType() {
        assertThat(new RangeCondition(Operator.EQ, n("3"), null).matches(n("3.0"))).isTrue();
        assertThat(new RangeCondition(Operator.LT, n("5"), null).matches(n("4"))).isTrue();
        assertThat(new RangeCondition(Operator.LT, n("5"), null).matches(n("5"))).isFalse();
        assertThat(new RangeCondition(Operator.LE, n("5"), null).matches(n("5"))).isTrue();
        assertThat(new RangeCondition(Operator.GT, s("005"), null).matches(s("010"))).isTrue();
        assertThat(new RangeCondition(Operator.GE, b(0x7f), null).matches(b(0x80))).isTrue();
        assertThat(new RangeCondition(Operator.GT, n("5"), null).matches(s("9"))).isFalse();
        assertThat(new RangeCondition(Operator.BETWEEN, n("4"), n("7")).matches(n("4"))).isTrue();
        assertThat(new RangeCondition(Operator.BETWEEN, n("4"), n("7")).matches(n("7"))).isTrue();
        assertThat(new RangeCondition(Operator.BETWEEN, n("4"), n("7")).matches(n("8"))).isFalse();
        assertThat(new RangeCondition(Operator.BEGINS_WITH, s("00"), null).matches(s("003"))).isTrue();
        assertThat(new RangeCondition(Operator.BEGINS_WITH, b(1), null).matches(b(1, 2))).isTrue();
        assertThat(new RangeCondition(Operator.BEGINS_WITH, s("00"), null).matches(s("103"))).isFalse();
    }

    @Test
    void thePartitionKeyMustBeComparedForEquality() {
        assertValidation(() -> parse("c = :c", values(":c", n("3"))), "Query condition missed key schema element: p");
        assertValidation(() -> parse("p < :p", values(":p", s("x"))), "Query key condition not supported");
        assertValidation(() -> parse("p BETWEEN :p AND :p", values(":p", s("x"))), "Query key condition not supported");
    }

    @Test
    void onlyKeyAttributesAndOneConditionPerKeyAreAllowed() {
        assertValidation(() -> parse("p = :p AND p = :p", values(":p", s("x"))),
                PREFIX + "KeyConditionExpressions must only contain one condition per key");
        assertValidation(() -> parse("p = :p AND c >= :c AND c <= :c", values(":p", s("x"), ":c", n("1"))),
                PREFIX + "Conditions can be of length 1 or 2 only");
        assertValidation(() -> parse("p = :p AND a < :a", values(":p", s("x"), ":a", n("1"))),
                "Query condition missed key schema element: c");
        assertValidation(
                () -> KeyCondition.parse("p = :p AND a < :a",
                        new ExpressionContext(Map.of(), values(":p", s("x"), ":a", n("1"))), "p", null),
                "Query key condition not supported");
        assertValidation(() -> parse("p = :p AND a.b < :a", values(":p", s("x"), ":a", n("1"))),
                PREFIX + "KeyConditionExpressions cannot have conditions on nested attributes");
    }

    @Test
    void operatorsOtherThanComparisonsBetweenAndBeginsWithAreRefused() {
        Map<String, Value> values = values(":p", s("x"), ":c", n("5"));
        assertValidation(() -> parse("p = :p AND c <> :c", values),
                PREFIX + "Invalid operator used in KeyConditionExpression: <>");
        assertValidation(() -> parse("p = :p AND c IN (:c)", values),
                PREFIX + "Invalid operator used in KeyConditionExpression: IN");
        assertValidation(() -> parse("c = :c OR p = :p", values),
                PREFIX + "Invalid operator used in KeyConditionExpression: OR");
        assertValidation(() -> parse("NOT c = :c AND p = :p", values),
                PREFIX + "Invalid operator used in KeyConditionExpression: NOT");
        assertValidation(() -> parse("p = :p AND attribute_exists(c)", values(":p", s("x"))),
                PREFIX + "Invalid operator used in KeyConditionExpression: attribute_exists");
        assertValidation(() -> parse("p = :p AND dog(c, :c)", values), PREFIX + "Invalid function name; function: dog");
        assertValidation(() -> parse("p = :p AND BEGINS_WITH(c, :c)", values),
                PREFIX + "Invalid function name; function: BEGINS_WITH");
        assertValidation(() -> parse("p = :p AND c != :c", values),
                PREFIX + "Syntax error; token: \"!\", near: \"c !=\"");
    }

    @Test
    void eachConditionComparesOneKeyWithValues() {
        assertValidation(() -> parse("p = c", values()),
                PREFIX + "Invalid condition in KeyConditionExpression: multiple attribute names used in one condition");
        assertValidation(() -> parse(":p = :a", values(":p", s("x"), ":a", n("3"))),
                PREFIX + "Invalid condition in KeyConditionExpression: No key attribute specified");
        assertValidation(() -> parse("p", values()), PREFIX + "Syntax error; token: \"<EOF>\", near: \"p\"");
        assertValidation(() -> parse("", values()), PREFIX + "The expression can not be empty;");
    }

    @Test
    void keyNamesMayBePlaceholdersAndReservedWordsMustBe() {
        var context = new ExpressionContext(names("#n1", "p", "#n2", "c"), values(":p", s("x"), ":c", n("3")));
        assertThat(KeyCondition.parse("#n1 = :p AND #n2 = :c", context, "p", "c").range())
            .contains(new RangeCondition(Operator.EQ, n("3"), null));
        context.requireAllUsed();
        assertValidation(() -> KeyCondition.parse("Size = :p", new ExpressionContext(Map.of(), values(":p", s("x"))),
                "Size", null), PREFIX + "Attribute name is a reserved keyword; reserved keyword: Size");
    }

    @Test
    void betweenBoundsOutOfOrderAreRefused() {
        assertValidation(
                () -> parse("p = :p AND c BETWEEN :hi AND :lo", values(":p", s("x"), ":lo", n("1"), ":hi", n("2"))),
                PREFIX + "The BETWEEN operator requires upper bound to be greater than or equal to lower "
                        + "bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: "
                        + "AttributeValue: {N:1}");
    }

}
