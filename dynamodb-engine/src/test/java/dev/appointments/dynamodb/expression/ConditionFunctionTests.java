package dev.appointments.dynamodb.expression;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.appointments.dynamodb.value.Value;

import static dev.appointments.dynamodb.expression.ConditionExpressionTests.holds;
import static dev.appointments.dynamodb.expression.TestValues.assertValidation;
import static dev.appointments.dynamodb.expression.TestValues.b;
import static dev.appointments.dynamodb.expression.TestValues.bool;
import static dev.appointments.dynamodb.expression.TestValues.bs;
import static dev.appointments.dynamodb.expression.TestValues.bytes;
import static dev.appointments.dynamodb.expression.TestValues.item;
import static dev.appointments.dynamodb.expression.TestValues.l;
import static dev.appointments.dynamodb.expression.TestValues.m;
import static dev.appointments.dynamodb.expression.TestValues.n;
import static dev.appointments.dynamodb.expression.TestValues.ns;
import static dev.appointments.dynamodb.expression.TestValues.nul;
import static dev.appointments.dynamodb.expression.TestValues.s;
import static dev.appointments.dynamodb.expression.TestValues.ss;
import static dev.appointments.dynamodb.expression.TestValues.values;
import static org.assertj.core.api.Assertions.assertThat;

class ConditionFunctionTests {

    @Test
    void attributeExistsAndNotExistsLookAtThePath() {
        Map<String, Value> item = item("a", nul(), "m", m("x", n("1")));
        assertThat(holds("attribute_exists(a)", item, values())).isTrue();
        assertThat(holds("attribute_exists (m.x)", item, values())).isTrue();
        assertThat(holds("attribute_exists(z)", item, values())).isFalse();
        assertThat(holds("attribute_not_exists(z)", item, values())).isTrue();
        assertThat(holds("attribute_not_exists(a)", item, values())).isFalse();
        assertThat(holds("attribute_not_exists(a)", item(), values())).isTrue();
    }

    @Test
    void attributeExistsRequiresADocumentPath() {
        assertValidation(() -> holds("attribute_exists(:v)", item(), values(":v", n("3"))),
                "Invalid ConditionExpression: Operator or function requires a document path; "
                        + "operator or function: attribute_exists");
    }

    @Test
    void attributeTypeMatchesEachOfTheTenTypes() {
        List<Value> values = List.of(s("x"), ss("x"), n("2"), ns("1"), b(1), bs(bytes(1)), bool(true), nul(), l(n("1")),
                m("a", n("3")));
        for (int i = 0; i < values.size(); i++) {
            Value value = values.get(i);
            Value other = values.get((i + 1) % values.size());
            assertThat(holds("attribute_type(a, :t)", item("a", value), values(":t", s(value.type())))).isTrue();
            assertThat(holds("attribute_type(a, :t)", item("a", value), values(":t", s(other.type())))).isFalse();
        }
        assertThat(holds("attribute_type(:v, :t)", item(), values(":v", n("0"), ":t", s("N")))).isTrue();
        assertThat(holds("attribute_type(z, :t)", item(), values(":t", s("N")))).isFalse();
    }

    @Test
    void attributeTypeRefusesAnUnknownTypeName() {
        assertValidation(() -> holds("attribute_type(a, :t)", item(), values(":t", s("DOG"))),
                "Invalid ConditionExpression: Invalid attribute type name found; type: DOG, "
                        + "valid types: { B, NULL, SS, BOOL, L, BS, N, NS, S, M }");
    }

    @Test
    void beginsWithMatchesStringAndBinaryPrefixes() {
        Map<String, Value> item = item("a", s("hello"), "b", b(1, 2, 3), "n", n("12"));
        assertThat(holds("begins_with(a, :p)", item, values(":p", s("hell")))).isTrue();
        assertThat(holds("begins_with(a, :p)", item, values(":p", s("dog")))).isFalse();
        assertThat(holds("begins_with(b, :p)", item, values(":p", b(1, 2)))).isTrue();
        assertThat(holds("begins_with(b, :p)", item, values(":p", b(2)))).isFalse();
        assertThat(holds("begins_with(a, :p)", item, values(":p", b(1)))).isFalse();
        assertThat(holds("begins_with(:p, a)", item, values(":p", s("hellohi")))).isTrue();
        assertThat(holds("begins_with(n, :p)", item, values(":p", s("1")))).isFalse();
    }

    @Test
    void beginsWithRefusesANumberGivenAsValueButNotOneReadFromTheItem() {
        assertValidation(() -> holds("begins_with(a, :p)", item(), values(":p", n("2"))),
                "Invalid ConditionExpression: Incorrect operand type for operator or function; "
                        + "operator or function: begins_with, operand type: N");
        assertThat(holds("begins_with(a, c)", item("a", s("12"), "c", n("1")), values())).isFalse();
    }

    @Test
    void containsFindsSubstringsSetMembersAndListElements() {
        Map<String, Value> item = item("s", s("hello"), "b", b(1, 2, 3), "ns", ns("2", "4"), "ss", ss("Red", "Blue"),
                "l", l(s("hi"), ss("x"), l(n("3"))));
        assertThat(holds("contains(s, :v)", item, values(":v", s("ell")))).isTrue();
        assertThat(holds("contains(s, :v)", item, values(":v", s("elk")))).isFalse();
        assertThat(holds("contains(b, :v)", item, values(":v", b(2, 3)))).isTrue();
        assertThat(holds("contains(ns, :v)", item, values(":v", n("4.0")))).isTrue();
        assertThat(holds("contains(ss, :v)", item, values(":v", s("Red")))).isTrue();
        assertThat(holds("contains(ss, :v)", item, values(":v", s("red")))).isFalse();
        assertThat(holds("contains(l, :v)", item, values(":v", ss("x")))).isTrue();
        assertThat(holds("contains(l, :v)", item, values(":v", l(n("3"))))).isTrue();
        assertThat(holds("contains(l, :v)", item, values(":v", s("h")))).isFalse();
        assertThat(holds("contains(absent, :v)", item, values(":v", s("h")))).isFalse();
    }

    @Test
    void containsRefusesTheSamePathAsBothOperands() {
        assertValidation(() -> holds("contains(a, a)", item(), values()),
                "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for "
                        + "this operator or function; operator: contains, first operand: [a]");
        assertThat(holds("contains(a, a1)", item("a", s("hello"), "a1", s("ell")), values())).isTrue();
    }

    @Test
    void sizeCountsStringCodeUnitsBinaryBytesAndElements() {
        Map<String, Value> item = item("s", s("é𝄞"), "b", b(1, 2, 3, 4), "ss", ss("x", "y"), "l", l(n("1")), "m",
                m("x", n("1"), "y", m()));
        assertThat(holds("size(s) = :n", item, values(":n", n("3")))).isTrue();
        assertThat(holds("size(b) = :n", item, values(":n", n("4")))).isTrue();
        assertThat(holds("size(ss) = :n", item, values(":n", n("2")))).isTrue();
        assertThat(holds("size(l) = :n", item, values(":n", n("1")))).isTrue();
        assertThat(holds("size(m) = :n", item, values(":n", n("2")))).isTrue();
        assertThat(holds("size(s) < size(b)", item, values())).isTrue();
        assertThat(holds("size(s) BETWEEN :lo AND :hi", item, values(":lo", n("1"), ":hi", n("3")))).isTrue();
    }

    @Test
    void sizeOfANumberBooleanNullOrMissingAttributeFailsTheComparison() {
        Map<String, Value> item = item("n", n("5"), "t", bool(true), "z", nul());
        for (String path : List.of("n", "t", "z", "absent")) {
            assertThat(holds("size(" + path + ") = :n", item, values(":n", n("1")))).as(path).isFalse();
            assertThat(holds("size(" + path + ") <> :n", item, values(":n", n("1")))).as(path).isTrue();
        }
        assertThat(holds("size(n) = :n", item("n", s("hello")), values(":n", s("dog")))).isFalse();
    }

    @Test
    void sizeIsAnOperandAndTheOtherFunctionsAreConditions() {
        assertValidation(() -> holds("size(a)", item(), values()),
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; "
                        + "function: size");
        assertValidation(() -> holds("attribute_exists(a) < :v", item(), values(":v", n("1"))),
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; "
                        + "function: attribute_exists");
        assertValidation(() -> holds("size(a, b) = :v", item(), values(":v", n("1"))),
                "Invalid ConditionExpression: Incorrect number of operands for operator or function; "
                        + "operator or function: size, number of operands: 2");
        assertValidation(() -> holds("begins_with(a)", item(), values()),
                "Invalid ConditionExpression: Incorrect number of operands for operator or function; "
                        + "operator or function: begins_with, number of operands: 1");
    }

    @Test
    void functionNamesAreCaseSensitiveAndUpdateFunctionsNotAllowed() {
        assertValidation(() -> holds("ATTRIBUTE_EXISTS(a)", item(), values()),
                "Invalid ConditionExpression: Invalid function name; function: ATTRIBUTE_EXISTS");
        assertValidation(() -> holds("dog(a) = :v", item(), values(":v", n("1"))),
                "Invalid ConditionExpression: Invalid function name; function: dog");
        assertValidation(() -> holds("if_not_exists(a, a) = :v", item(), values(":v", n("1"))),
                "Invalid ConditionExpression: The function is not allowed in a condition expression; "
                        + "function: if_not_exists");
        assertValidation(() -> holds("list_append(a, a) = :v", item(), values(":v", n("1"))),
                "Invalid ConditionExpression: The function is not allowed in a condition expression; "
                        + "function: list_append");
    }

}
