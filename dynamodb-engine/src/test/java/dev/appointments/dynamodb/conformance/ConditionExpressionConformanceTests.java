package dev.appointments.dynamodb.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

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
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

/**
 * The comparators, functions and logical operators of condition expressions (the guide's
 * "Condition and filter expressions, operators, and functions"), each evaluated by a
 * conditional PutItem that rewrites the item unchanged when the condition holds and fails
 * with ConditionalCheckFailedException when it does not.
 */
@ExtendWith(ConformanceEndpoint.class)
class ConditionExpressionConformanceTests {

    private static final Map<String, AttributeValue> ITEM = item("pk", s("item"), "str", s("hello"), "num", n(5),
            "ratio", n("10.5"), "yes", bool(true), "nothing", nul(), "bin", b(1, 2, 3), "high", b(0x80), "tags",
            ss("red", "blue"), "nums", ns("1", "2", "3"), "bins", bs("one", "two"), "things",
            l(s("a"), n(2), l(s("nested")), m("k", s("v"))), "doc", m("mid", m("leaf", s("x")), "n", n(3)), "dotted.zz",
            s("dot"), "blank", s(""), "capB", s("B"), "smallA", s("a"));

    private final DynamoDbClient dynamo;

    private final String table;

    ConditionExpressionConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.table = tables.withPartitionKey("pk", S);
        dynamo.putItem(request -> request.tableName(table).item(ITEM));
    }

    @Test
    @DisplayName("=, <>, <, <=, >, >= compare numbers by value")
    void comparesNumbersByValue() {
        assertThat(holds("num = :v", ":v", n(5))).isTrue();
        assertThat(holds("num = :v", ":v", n("5.0"))).isTrue();
        assertThat(holds("num <> :v", ":v", n(4))).isTrue();
        assertThat(holds("num <> :v", ":v", n(5))).isFalse();
        assertThat(holds("num < :v", ":v", n(6))).isTrue();
        assertThat(holds("num < :v", ":v", n(5))).isFalse();
        assertThat(holds("num <= :v", ":v", n(5))).isTrue();
        assertThat(holds("num > :v", ":v", n(4))).isTrue();
        assertThat(holds("num > :v", ":v", n(5))).isFalse();
        assertThat(holds("num >= :v", ":v", n(5))).isTrue();
        assertThat(holds("ratio > num")).isTrue();
        assertThat(holds("num > :v", ":v", n("-10"))).isTrue();
    }

    @Test
    @DisplayName("Strings compare by their UTF-8 bytes: 'B' < 'a', 'hello' < 'help'")
    void comparesStringsByUtf8Bytes() {
        assertThat(holds("str = :v", ":v", s("hello"))).isTrue();
        assertThat(holds("str < :v", ":v", s("help"))).isTrue();
        assertThat(holds("str > :v", ":v", s("Hello"))).isTrue();
        assertThat(holds("str < :v", ":v", s("hello!"))).isTrue();
        assertThat(holds("capB < smallA")).isTrue();
    }

    @Test
    @DisplayName("Binary values compare byte by byte, each byte unsigned")
    void comparesBinariesAsUnsignedBytes() {
        assertThat(holds("bin = :v", ":v", b(1, 2, 3))).isTrue();
        assertThat(holds("bin < :v", ":v", b(1, 2, 4))).isTrue();
        assertThat(holds("bin > :v", ":v", b(1, 2))).isTrue();
        assertThat(holds("high > :v", ":v", b(0x7f))).isTrue();
    }

    @Test
    @DisplayName("Lists, maps and sets are equal when their contents are; set members have no order")
    void comparesDocumentsAndSetsForEquality() {
        assertThat(holds("things = :v", ":v", l(s("a"), n(2), l(s("nested")), m("k", s("v"))))).isTrue();
        assertThat(holds("things = :v", ":v", l(n(2), s("a"), l(s("nested")), m("k", s("v"))))).isFalse();
        assertThat(holds("doc = :v", ":v", m("n", n(3), "mid", m("leaf", s("x"))))).isTrue();
        assertThat(holds("tags = :v", ":v", ss("blue", "red"))).isTrue();
        assertThat(holds("tags = :v", ":v", ss("blue"))).isFalse();
        assertThat(holds("nothing = :v", ":v", nul())).isTrue();
        assertThat(holds("yes = :v", ":v", bool(true))).isTrue();
    }

    @Test
    @DisplayName("Values of different types are never equal and never ordered: {\"S\":\"5\"} is not {\"N\":\"5\"}")
    void valuesOfDifferentTypesDoNotMatch() {
        assertThat(holds("num = :v", ":v", s("5"))).isFalse();
        assertThat(holds("num <> :v", ":v", s("5"))).isTrue();
        assertThat(holds("num < :v", ":v", s("6"))).isFalse();
        assertThat(holds("num >= :v", ":v", s("4"))).isFalse();
        assertThat(holds("nums = :v", ":v", n(1))).isFalse();
    }

    @Test
    @DisplayName("A comparison with an attribute the item does not have is false, not an error")
    void comparisonsWithAMissingAttributeAreFalse() {
        assertThat(holds("ghost = :v", ":v", n(5))).isFalse();
        assertThat(holds("ghost < :v", ":v", n(5))).isFalse();
        assertThat(holds("ghost >= :v", ":v", n(5))).isFalse();
    }

    @Test
    @DisplayName("a BETWEEN b AND c is true if a >= b and a <= c")
    void betweenIsInclusive() {
        assertThat(holds("num BETWEEN :lo AND :hi", ":lo", n(1), ":hi", n(5))).isTrue();
        assertThat(holds("num BETWEEN :lo AND :hi", ":lo", n(5), ":hi", n(9))).isTrue();
        assertThat(holds("num BETWEEN :lo AND :hi", ":lo", n(6), ":hi", n(9))).isFalse();
        assertThat(holds("str BETWEEN :lo AND :hi", ":lo", s("a"), ":hi", s("z"))).isTrue();
    }

    @Test
    @DisplayName("a IN (b, c, d) is true if a is equal to any value in the list")
    void inMatchesAnyListedValue() {
        assertThat(holds("num IN (:a, :b, :c)", ":a", n(1), ":b", n(5), ":c", n(9))).isTrue();
        assertThat(holds("num IN (:a, :b)", ":a", n(1), ":b", n(2))).isFalse();
        assertThat(holds("str IN (:a, :b)", ":a", s("x"), ":b", s("hello"))).isTrue();
    }

    @Test
    @DisplayName("ValidationException: the IN list holds up to 100 values")
    void refusesMoreThanAHundredInValues() {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        IntStream.range(0, 101).forEach(i -> values.put(":v" + i, n(i)));
        String list = String.join(", ", values.keySet());

        assertRefusedAsInvalid(() -> dynamo.putItem(request -> request.tableName(table)
            .item(ITEM)
            .conditionExpression("num IN (" + list + ")")
            .expressionAttributeValues(values)));
    }

    @Test
    @DisplayName("attribute_exists(path) and attribute_not_exists(path), on top-level and nested paths")
    void testsWhetherAttributesExist() {
        assertThat(holds("attribute_exists(pk)")).isTrue();
        assertThat(holds("attribute_exists(str)")).isTrue();
        assertThat(holds("attribute_exists(nothing)")).isTrue();
        assertThat(holds("attribute_exists(ghost)")).isFalse();
        assertThat(holds("attribute_not_exists(ghost)")).isTrue();
        assertThat(holds("attribute_not_exists(str)")).isFalse();
        assertThat(holds("attribute_exists(doc.mid.leaf)")).isTrue();
        assertThat(holds("attribute_exists(doc.mid.twig)")).isFalse();
        assertThat(holds("attribute_exists(things[2][0])")).isTrue();
        assertThat(holds("attribute_exists(things[4])")).isFalse();
        assertThat(holds("attribute_not_exists(things[9])")).isTrue();
    }

    @Test
    @DisplayName("attribute_type(path, type) is true if the attribute is of the given type: S, SS, N, NS, B, BS, BOOL,"
            + " NULL, L, M")
    void testsAttributeTypes() {
        assertThat(holds("attribute_type(str, :t)", ":t", s("S"))).isTrue();
        assertThat(holds("attribute_type(num, :t)", ":t", s("N"))).isTrue();
        assertThat(holds("attribute_type(bin, :t)", ":t", s("B"))).isTrue();
        assertThat(holds("attribute_type(yes, :t)", ":t", s("BOOL"))).isTrue();
        assertThat(holds("attribute_type(nothing, :t)", ":t", s("NULL"))).isTrue();
        assertThat(holds("attribute_type(tags, :t)", ":t", s("SS"))).isTrue();
        assertThat(holds("attribute_type(nums, :t)", ":t", s("NS"))).isTrue();
        assertThat(holds("attribute_type(bins, :t)", ":t", s("BS"))).isTrue();
        assertThat(holds("attribute_type(things, :t)", ":t", s("L"))).isTrue();
        assertThat(holds("attribute_type(doc, :t)", ":t", s("M"))).isTrue();
        assertThat(holds("attribute_type(doc.mid.leaf, :t)", ":t", s("S"))).isTrue();
        assertThat(holds("attribute_type(num, :t)", ":t", s("S"))).isFalse();
        assertThat(holds("attribute_type(ghost, :t)", ":t", s("S"))).isFalse();
    }

    @Test
    @DisplayName("ValidationException: attribute_type takes one of the data type descriptors")
    void refusesAnUnknownAttributeType() {
        assertRefusedAsInvalid(() -> dynamo.putItem(request -> request.tableName(table)
            .item(ITEM)
            .conditionExpression("attribute_type(str, :t)")
            .expressionAttributeValues(Map.of(":t", s("STRING")))));
    }

    @Test
    @DisplayName("begins_with(path, substr) is true if the attribute begins with the substring")
    void testsPrefixes() {
        assertThat(holds("begins_with(str, :p)", ":p", s("he"))).isTrue();
        assertThat(holds("begins_with(str, :p)", ":p", s("hello"))).isTrue();
        assertThat(holds("begins_with(str, :p)", ":p", s("lo"))).isFalse();
        assertThat(holds("begins_with(doc.mid.leaf, :p)", ":p", s("x"))).isTrue();
        assertThat(holds("begins_with(ghost, :p)", ":p", s("x"))).isFalse();
    }

    @Test
    @DisplayName("contains(path, operand): a substring of a String, a member of a set, an element of a list")
    void testsContainment() {
        assertThat(holds("contains(str, :v)", ":v", s("ell"))).isTrue();
        assertThat(holds("contains(str, :v)", ":v", s("xyz"))).isFalse();
        assertThat(holds("contains(tags, :v)", ":v", s("red"))).isTrue();
        assertThat(holds("contains(tags, :v)", ":v", s("green"))).isFalse();
        assertThat(holds("contains(nums, :v)", ":v", n(2))).isTrue();
        assertThat(holds("contains(nums, :v)", ":v", n(4))).isFalse();
        assertThat(holds("contains(things, :v)", ":v", s("a"))).isTrue();
        assertThat(holds("contains(things, :v)", ":v", n(2))).isTrue();
        assertThat(holds("contains(things, :v)", ":v", s("nested"))).isFalse();
        assertThat(holds("contains(ghost, :v)", ":v", s("a"))).isFalse();
    }

    @Test
    @DisplayName("size(path): a String's length, a Binary's bytes, the members of a set, the elements of a List or Map")
    void measuresSizes() {
        assertThat(holds("size(str) = :v", ":v", n(5))).isTrue();
        assertThat(holds("size(blank) = :v", ":v", n(0))).isTrue();
        assertThat(holds("size(bin) = :v", ":v", n(3))).isTrue();
        assertThat(holds("size(tags) = :v", ":v", n(2))).isTrue();
        assertThat(holds("size(nums) = :v", ":v", n(3))).isTrue();
        assertThat(holds("size(things) = :v", ":v", n(4))).isTrue();
        assertThat(holds("size(doc) = :v", ":v", n(2))).isTrue();
        assertThat(holds("size(doc.mid) = :v", ":v", n(1))).isTrue();
        assertThat(holds("size(str) > :v", ":v", n(4))).isTrue();
        assertThat(holds("size(str) < :v", ":v", n(5))).isFalse();
    }

    @Test
    @DisplayName("NOT, AND, OR combine conditions")
    void combinesConditions() {
        assertThat(holds("num = :five AND str = :hello", ":five", n(5), ":hello", s("hello"))).isTrue();
        assertThat(holds("num = :five AND str = :nope", ":five", n(5), ":nope", s("nope"))).isFalse();
        assertThat(holds("num = :zero OR str = :hello", ":zero", n(0), ":hello", s("hello"))).isTrue();
        assertThat(holds("NOT num = :zero", ":zero", n(0))).isTrue();
        assertThat(holds("NOT attribute_exists(str)")).isFalse();
    }

    @Test
    @DisplayName("Precedence: AND binds tighter than OR")
    void andBindsTighterThanOr() {
        assertThat(
                holds("num = :five OR num = :zero AND str = :nope", ":five", n(5), ":zero", n(0), ":nope", s("nope")))
            .isTrue();
        assertThat(
                holds("str = :nope AND num = :zero OR num = :five", ":five", n(5), ":zero", n(0), ":nope", s("nope")))
            .isTrue();
    }

    @Test
    @DisplayName("Precedence: NOT binds tighter than AND")
    void notBindsTighterThanAnd() {
        assertThat(holds("NOT num = :zero AND str = :nope", ":zero", n(0), ":nope", s("nope"))).isFalse();
    }

    @Test
    @DisplayName("Parentheses change the precedence")
    void parenthesesOverridePrecedence() {
        assertThat(
                holds("(num = :five OR num = :zero) AND str = :nope", ":five", n(5), ":zero", n(0), ":nope", s("nope")))
            .isFalse();
        assertThat(holds("NOT (num = :zero AND str = :nope)", ":zero", n(0), ":nope", s("nope"))).isTrue();
    }

    @Test
    @DisplayName("Document paths reach into maps with '.' and into lists with [n], to any depth")
    void followsNestedPaths() {
        assertThat(holds("doc.mid.leaf = :v", ":v", s("x"))).isTrue();
        assertThat(holds("doc.n = :v", ":v", n(3))).isTrue();
        assertThat(holds("things[0] = :v", ":v", s("a"))).isTrue();
        assertThat(holds("things[2][0] = :v", ":v", s("nested"))).isTrue();
        assertThat(holds("things[3].k = :v", ":v", s("v"))).isTrue();
    }

    @Test
    @DisplayName("An expression attribute name stands for a name with a dot in it; unaliased, the dot is a path")
    void expressionAttributeNamesHoldDots() {
        assertThat(holds("#dotted = :v", "#dotted", "dotted.zz", ":v", s("dot"))).isTrue();
        assertThat(holds("attribute_not_exists(dotted.zz)")).isTrue();
        assertThat(holds("#d.#i.#x = :v", "#d", "doc", "#i", "mid", "#x", "leaf", ":v", s("x"))).isTrue();
    }

    /**
     * Rewrites the item under the condition: true if it held, false on
     * ConditionalCheckFailedException.
     */
    private boolean holds(String condition, Object... placeholders) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < placeholders.length; i += 2) {
            String placeholder = (String) placeholders[i];
            if (placeholder.startsWith("#")) {
                names.put(placeholder, (String) placeholders[i + 1]);
            }
            else {
                values.put(placeholder, (AttributeValue) placeholders[i + 1]);
            }
        }
        try {
            dynamo.putItem(request -> request.tableName(table)
                .item(ITEM)
                .conditionExpression(condition)
                .expressionAttributeValues(values.isEmpty() ? null : values)
                .expressionAttributeNames(names.isEmpty() ? null : names));
            return true;
        }
        catch (ConditionalCheckFailedException failed) {
            return false;
        }
    }

}
