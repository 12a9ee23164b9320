package dev.appointments.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.appointments.dynamodb.value.Value;

import static dev.appointments.dynamodb.expression.TestValues.assertValidation;
import static dev.appointments.dynamodb.expression.TestValues.b;
import static dev.appointments.dynamodb.expression.TestValues.bool;
import static dev.appointments.dynamodb.expression.TestValues.bs;
import static dev.appointments.dynamodb.expression.TestValues.bytes;
import static dev.appointments.dynamodb.expression.TestValues.item;
import static dev.appointments.dynamodb.expression.TestValues.l;
import static dev.appointments.dynamodb.expression.TestValues.m;
import static dev.appointments.dynamodb.expression.TestValues.n;
import static dev.appointments.dynamodb.expression.TestValues.names;
import static dev.appointments.dynamodb.expression.TestValues.ns;
import static dev.appointments.dynamodb.expression.TestValues.nul;
import static dev.appointments.dynamodb.expression.TestValues.s;
import static dev.appointments.dynamodb.expression.TestValues.ss;
import static dev.appointments.dynamodb.expression.TestValues.values;
import static org.assertj.core.api.Assertions.assertThat;

class ConditionExpressionTests {

    private static final List<Value> ONE_OF_EACH_TYPE = List.of(s("hello"), n("1"), b(1, 2), bool(true), nul(),
            l(s("hello"), n("42")), m("hello", s("world")), ss("hello", "world"), ns("1", "2"), bs(bytes(1), bytes(2)));

    static boolean holds(String expression, Map<String, Value> item, Map<String, Value> values) {
        return ConditionExpression.parse(expression, new ExpressionContext(Map.of(), values)).test(item);
    }

    static boolean holds(String expression, Map<String, Value> item, Map<String, String> names,
            Map<String, Value> values) {
        return ConditionExpression.parse(expression, new ExpressionContext(names, values)).test(item);
    }

    @Test
    void equalsComparesValuesOfEveryTypeByContent() {
        for (Value value : ONE_OF_EACH_TYPE) {
            assertThat(holds("a = :v", item("a", value), values(":v", value))).as(value.type()).isTrue();
        }
        assertThat(holds("a = :v", item("a", n("1.50")), values(":v", n("1.5")))).isTrue();
        assertThat(holds("a = :v", item("a", ss("x", "y")), values(":v", ss("y", "x")))).isTrue();
        assertThat(holds("a = :v", item("a", m("x", n("1"), "y", n("2"))), values(":v", m("y", n("2"), "x", n("1")))))
            .isTrue();
        assertThat(holds("a = :v", item("a", l(n("1"), n("2"))), values(":v", l(n("2"), n("1"))))).isFalse();
        assertThat(holds("a = b", item("a", s("x"), "b", s("x")), values())).isTrue();
    }

    @Test
    void valuesOfDifferentTypesAreNeverEqual() {
        for (Value left : ONE_OF_EACH_TYPE) {
            for (Value right : ONE_OF_EACH_TYPE) {
                if (left != right) {
                    assertThat(holds("a = :v", item("a", left), values(":v", right))).isFalse();
                    assertThat(holds("a <> :v", item("a", left), values(":v", right))).isTrue();
                }
            }
        }
        assertThat(holds("a = :v", item("a", s("1")), values(":v", n("1")))).isFalse();
    }

    @Test
    void missingAttributeEqualsNothingAndDiffersFromEverything() {
        assertThat(holds("q = :v", item(), values(":v", n("1")))).isFalse();
        assertThat(holds("q = z", item(), values())).isFalse();
        assertThat(holds("q <> :v", item(), values(":v", n("1")))).isTrue();
        assertThat(holds("q <> z", item(), values())).isTrue();
        for (String comparator : List.of("<", "<=", ">", ">=")) {
            assertThat(holds("q " + comparator + " :v", item(), values(":v", n("1")))).isFalse();
            assertThat(holds(":v " + comparator + " q", item(), values(":v", n("1")))).isFalse();
            assertThat(holds("q " + comparator + " z", item(), values())).isFalse();
        }
    }

    @Test
    void orderingComparesStringsByTheirUtf8Bytes() {
        // U+FFFF sorts before U+1F600 in UTF-8, though its UTF-16 unit 0xFFFF sorts after
        // the surrogate 0xD83D.
        assertThat(holds("a < :v", item("a", s("\uFFFF")), values(":v", s("😀")))).isTrue();
        assertThat(holds("a < :v", item("a", s("cat")), values(":v", s("dog")))).isTrue();
        assertThat(holds("a < :v", item("a", s("Zebra")), values(":v", s("apple")))).isTrue();
        assertThat(holds("a <= :v", item("a", s("cat")), values(":v", s("cat")))).isTrue();
        assertThat(holds("a > :v", item("a", s("cat")), values(":v", s("ca")))).isTrue();
    }

    @Test
    void orderingComparesNumbersByValue() {
        assertThat(holds("a > :v", item("a", n("10")), values(":v", n("9")))).isTrue();
        assertThat(holds("a < :v", item("a", n("-1")), values(":v", n("0.5")))).isTrue();
        assertThat(holds("a >= :v", item("a", n("2.0")), values(":v", n("2")))).isTrue();
        assertThat(holds("a < :v", item("a", n("1E+100")), values(":v", n("2E+100")))).isTrue();
    }

    @Test
    void orderingComparesBinaryAsUnsignedBytes() {
        assertThat(holds("a < :v", item("a", b(0x7f)), values(":v", b(0x80)))).isTrue();
        assertThat(holds("a < :v", item("a", b(1)), values(":v", b(1, 0)))).isTrue();
    }

    @Test
    void orderingBetweenDifferentTypesOrUnorderedAttributesIsFalse() {
        assertThat(holds("a < :v", item("a", n("1")), values(":v", s("17")))).isFalse();
        assertThat(holds("a >= :v", item("a", n("1")), values(":v", s("17")))).isFalse();
        assertThat(holds("x < :v", item("x", l(n("1"))), values(":v", n("1")))).isFalse();
        assertThat(holds(":v < x", item("x", l(n("1"))), values(":v", n("1")))).isFalse();
    }

    @Test
    void orderingRefusesAValueOfTheRequestThatCannotBeOrdered() {
        assertValidation(() -> holds("a < :v", item(), values(":v", l(n("1"), n("2")))),
                "Invalid ConditionExpression: Incorrect operand type for operator or function; "
                        + "operator or function: <, operand type: L");
        assertValidation(() -> holds(":v >= a", item(), values(":v", bool(true))),
                "Invalid ConditionExpression: Incorrect operand type for operator or function; "
                        + "operator or function: >=, operand type: BOOL");
    }

    @Test
    void betweenIncludesBothBounds() {
        Map<String, Value> values = values(":lo", n("1"), ":hi", n("3"));
        assertThat(holds("a BETWEEN :lo AND :hi", item("a", n("1")), values)).isTrue();
        assertThat(holds("a BETWEEN :lo AND :hi", item("a", n("3")), values)).isTrue();
        assertThat(holds("a BETWEEN :lo AND :hi", item("a", n("3.5")), values)).isFalse();
        assertThat(holds("a BETWEEN :lo AND :hi", item("a", s("2")), values)).isFalse();
        assertThat(holds("a BETWEEN :lo AND :hi", item(), values)).isFalse();
        assertThat(holds("a between x and y", item("a", s("b"), "x", s("a"), "y", s("c")), values())).isTrue();
    }

    @Test
    void betweenRefusesALowerBoundAboveTheUpperBound() {
        assertValidation(() -> holds("a BETWEEN :lo AND :hi", item(), values(":lo", n("5"), ":hi", n("1"))),
                "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal "
                        + "to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: "
                        + "AttributeValue: {N:1}");
        assertValidation(() -> holds("a BETWEEN :lo AND :hi", item(), values(":lo", n("1"), ":hi", s("dog"))),
                "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper "
                        + "bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: "
                        + "AttributeValue: {S:dog}");
        // Bounds read from the item are only known at run time: out of order, the
        // condition is false.
        assertThat(holds("a BETWEEN x AND :hi", item("a", n("2"), "x", n("5")), values(":hi", n("1")))).isFalse();
    }

    @Test
    void inHoldsWhenTheOperandEqualsAnyListedValue() {
        Map<String, Value> values = values(":x", s("dog"), ":y", n("174"));
        assertThat(holds("a IN (:x, :y)", item("a", n("174")), values)).isTrue();
        assertThat(holds("a in (:x,:y)", item("a", s("cat")), values)).isFalse();
        assertThat(holds("a IN (:x, :y)", item(), values)).isFalse();
        assertThat(holds("a IN (b)", item("a", ss("x"), "b", ss("x")), values())).isTrue();
    }

    @Test
    void inTakesAtMostOneHundredOperandsCountingTheFirst() {
        var placeholders = new ArrayList<String>();
        Map<String, Value> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            placeholders.add(":v" + i);
            values.put(":v" + i, n(String.valueOf(i)));
        }
        String ninetyNine = "a IN (" + String.join(", ", placeholders.subList(0, 99)) + ")";
        assertThat(holds(ninetyNine, item("a", n("98")), values)).isTrue();
        assertValidation(() -> holds("a IN (" + String.join(", ", placeholders) + ")", item(), values),
                "Invalid ConditionExpression: The IN operator is provided with too many operands; "
                        + "number of operands: 101");
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        Map<String, Value> item = item("a", n("1"), "b", n("2"), "c", n("3"));
        // a < b and b < c are true, c < b is false.
        assertThat(holds("a < b OR c < b AND b < c", item, values())).isTrue();
        assertThat(holds("(a < b OR c < b) AND c < b", item, values())).isFalse();
        assertThat(holds("NOT a < b AND c < b", item, values())).isFalse();
        assertThat(holds("NOT (a < b AND c < b)", item, values())).isTrue();
        assertThat(holds("NOT NOT NOT NOT a < b", item, values())).isTrue();
        assertThat(holds("b BETWEEN a AND c AND a < b", item, values())).isTrue();
        assertThat(holds("((a < b) and ((b < c)))", item, values())).isTrue();
    }

    @Test
    void keywordsAreCaseInsensitiveAndNamesCaseSensitive() {
        Map<String, Value> item = item("Colour", s("red"), "a", n("1"));
        assertThat(holds("Colour = :v aNd nOt a bEtWeEn :lo AnD :lo oR a In (:lo)", item,
                values(":v", s("red"), ":lo", n("5"))))
            .isTrue();
        assertThat(holds("colour = :v", item, values(":v", s("red")))).isFalse();
    }

    @Test
    void pathsReachIntoMapsAndListsAndTypeMismatchesAreMissing() {
        Map<String, Value> item = item("a", m("b", l(n("0"), n("1"), m("c", s("deep")))));
        assertThat(holds("a.b[2].c = :v", item, values(":v", s("deep")))).isTrue();
        assertThat(holds("#a.#b[2].#c = :v", item, names("#a", "a", "#b", "b", "#c", "c"), values(":v", s("deep"))))
            .isTrue();
        assertThat(holds("a.b[7] = :v", item, values(":v", s("deep")))).isFalse();
        assertThat(holds("a.b.c = :v", item, values(":v", s("deep")))).isFalse();
        assertThat(holds("a[0] = :v", item, values(":v", s("deep")))).isFalse();
        assertThat(holds("attribute_not_exists(a.b[1].x)", item, values())).isTrue();
    }

    @Test
    void aPlaceholderNamesOneAttributeEvenWhenItsNameHasDots() {
        Map<String, Value> item = item("a.b", s("flat"), "a", m("b", s("nested")));
        assertThat(holds("#ab = :v", item, names("#ab", "a.b"), values(":v", s("flat")))).isTrue();
        assertThat(holds("a.b = :v", item, values(":v", s("nested")))).isTrue();
    }

    @Test
    void filterExpressionErrorsNameTheFilterParameter() {
        assertValidation(
                () -> ConditionExpression.parseFilter("a = :missing", new ExpressionContext(Map.of(), Map.of())),
                "Invalid FilterExpression: An expression attribute value used in expression is not "
                        + "defined; attribute value: :missing");
        assertThat(ConditionExpression.parseFilter("a = :v", new ExpressionContext(Map.of(), values(":v", n("1"))))
            .test(item("a", n("1")))).isTrue();
    }

}
