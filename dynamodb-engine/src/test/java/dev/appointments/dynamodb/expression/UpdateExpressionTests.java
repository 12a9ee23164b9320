package dev.appointments.dynamodb.expression;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.appointments.dynamodb.value.Value;

import static dev.appointments.dynamodb.expression.TestValues.assertValidation;
import static dev.appointments.dynamodb.expression.TestValues.item;
import static dev.appointments.dynamodb.expression.TestValues.l;
import static dev.appointments.dynamodb.expression.TestValues.m;
import static dev.appointments.dynamodb.expression.TestValues.n;
import static dev.appointments.dynamodb.expression.TestValues.names;
import static dev.appointments.dynamodb.expression.TestValues.s;
import static dev.appointments.dynamodb.expression.TestValues.ss;
import static dev.appointments.dynamodb.expression.TestValues.values;
import static org.assertj.core.api.Assertions.assertThat;

class UpdateExpressionTests {

    static Map<String, Value> update(String expression, Map<String, Value> item, Map<String, Value> values) {
        return update(expression, item, Map.of(), values);
    }

    static Map<String, Value> update(String expression, Map<String, Value> item, Map<String, String> names,
            Map<String, Value> values) {
        return UpdateExpression.parse(expression, new ExpressionContext(names, values)).apply(item);
    }

    @Test
    void setAddsAndReplacesAttributesLeavingTheInputUntouched() {
        Map<String, Value> item = item("id", s("1"), "a", s("hi"));
        Map<String, Value> before = new HashMap<>(item);
        assertThat(update("SET a = :a, b = :b", item, values(":a", s("hey"), ":b", n("2"))))
            .isEqualTo(item("id", s("1"), "a", s("hey"), "b", n("2")));
        assertThat(item).isEqualTo(before);
        assertThat(update("set b = :b", item(), values(":b", n("2")))).isEqualTo(item("b", n("2")));
    }

    @Test
    void setCopiesAttributesAsTheyWereBeforeTheUpdate() {
        Map<String, Value> item = item("a", s("old"), "m", m("x", n("7")));
        assertThat(update("SET a = :v, b = a, c = m.x", item, values(":v", s("new")))).containsEntry("a", s("new"))
            .containsEntry("b", s("old"))
            .containsEntry("c", n("7"));
        assertThat(update("REMOVE a SET b = a", item, values())).doesNotContainKey("a").containsEntry("b", s("old"));
    }

    @Test
    void readingAMissingAttributeIsRefused() {
        String message = "The provided expression refers to an attribute that does not exist in the item";
        assertValidation(() -> update("SET c = z", item("a", n("1")), values()), message);
        assertValidation(() -> update("SET x = :v, y = x", item(), values(":v", n("1"))), message);
        assertValidation(() -> update("SET c = z + :one", item(), values(":one", n("1"))), message);
        assertValidation(() -> update("SET c = list_append(z, :l)", item(), values(":l", l())), message);
    }

    @Test
    void plusAndMinusAreExactDecimalArithmetic() {
        Map<String, Value> item = item("price", n("52"), "rate", n("0.1"));
        assertThat(update("SET price = price - :p", item, values(":p", n("15")))).containsEntry("price", n("37"));
        assertThat(update("SET rate = rate + :r", item, values(":r", n("0.2")))).containsEntry("rate", n("0.3"));
        assertThat(update("SET x = :a + :b", item(), values(":a", n("1E+30"), ":b", n("1E-5")))).containsEntry("x",
                n("1000000000000000000000000000000.00001"));
        assertThat(update("SET x = :a - price", item, values(":a", n("2")))).containsEntry("x", n("-50"));
    }

    @Test
    void arithmeticRefusesNonNumbersAndNumbersDynamoDbCannotStore() {
        assertValidation(() -> update("SET b = :a + :b", item(), values(":a", s("dog"), ":b", n("3"))),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; "
                        + "operator or function: +, operand type: S");
        assertValidation(() -> update("SET b = a - :b", item("a", s("dog")), values(":b", n("3"))),
                "An operand in the update expression has an incorrect data type");
        assertValidation(() -> update("SET b = a + :b", item("a", n("9E+125")), values(":b", n("1E+125"))),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertValidation(() -> update("SET b = a + :b", item("a", n("1E+20")), values(":b", n("1E-20"))),
                "Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void onlyTwoOperandsCanBeAddedOrSubtracted() {
        assertValidation(() -> update("SET b = :v + :v + :v", item(), values(":v", n("1"))),
                "Invalid UpdateExpression: Syntax error; token: \"+\", near: \":v + :v\"");
    }

    @Test
    void ifNotExistsKeepsAnExistingValueOrUsesTheFallback() {
        Map<String, Value> values = values(":z", n("0"));
        assertThat(update("SET c = if_not_exists(c, :z)", item(), values)).containsEntry("c", n("0"));
        assertThat(update("SET c = if_not_exists(c, :z)", item("c", n("5")), values)).containsEntry("c", n("5"));
        assertThat(
                update("SET d = if_not_exists(c, :z) + :one", item("c", n("5")), values(":z", n("0"), ":one", n("1"))))
            .containsEntry("d", n("6"));
        assertThat(update("SET a = if_not_exists(b, if_not_exists(c, :z))", item(), values)).containsEntry("a", n("0"));
    }

    @Test
    void ifNotExistsRequiresADocumentPath() {
        assertValidation(() -> update("SET b = if_not_exists(:v, :v)", item(), values(":v", n("1"))),
                "Invalid UpdateExpression: Operator or function requires a document path; "
                        + "operator or function: if_not_exists");
        assertValidation(() -> update("SET c = if_not_exists(c, :a + :b)", item(), values(":a", n("1"), ":b", n("2"))),
                "Invalid UpdateExpression: Syntax error; token: \"+\", near: \":a + :b\"");
    }

    @Test
    void listAppendConcatenatesTwoListsInOrder() {
        Map<String, Value> item = item("ri", l(s("Hammer")));
        assertThat(update("SET #ri = list_append(#ri, :v)", item, names("#ri", "ri"), values(":v", l(s("Nails")))))
            .containsEntry("ri", l(s("Hammer"), s("Nails")));
        assertThat(update("SET ri = list_append(:v, ri)", item, values(":v", l(s("Chisel"))))).containsEntry("ri",
                l(s("Chisel"), s("Hammer")));
        assertThat(update("SET x = list_append(if_not_exists(x, :empty), :v)", item(),
                values(":empty", l(), ":v", l(n("1")))))
            .containsEntry("x", l(n("1")));
    }

    @Test
    void listAppendRefusesOperandsThatAreNotLists() {
        assertValidation(() -> update("SET a = list_append(:a, :b)", item(), values(":a", l(), ":b", s("hi"))),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; "
                        + "operator or function: list_append, operand type: S");
        assertValidation(() -> update("SET a = list_append(b, :v)", item("b", ss("x")), values(":v", l())),
                "An operand in the update expression has an incorrect data type");
        assertValidation(() -> update("SET a = list_append(list_append(:v, :v), :v)", item(), values(":v", l())),
                "Invalid UpdateExpression: The function is not allowed to be used this way in an expression; "
                        + "function: list_append");
        assertValidation(() -> update("SET a = list_append(:v)", item(), values(":v", l())),
                "Invalid UpdateExpression: Incorrect number of operands for operator or function; "
                        + "operator or function: list_append, number of operands: 1");
    }

    @Test
    void functionNamesAreCaseSensitiveAndConditionFunctionsNotAllowed() {
        assertValidation(() -> update("SET a = LIST_APPEND(:v, :v)", item(), values(":v", l())),
                "Invalid UpdateExpression: Invalid function name; function: LIST_APPEND");
        assertValidation(() -> update("SET a = size(b)", item(), values()),
                "Invalid UpdateExpression: The function is not allowed in an update expression; function: size");
    }

    @Test
    void setWritesNestedAttributesAndListElements() {
        Map<String, Value> item = item("a", m("b", n("3"), "c", l(s("hi"), m("x", m("y", l(n("3"), n("5")))))));
        assertThat(update("SET a.c[1].#n.y[1] = :v, a.d = :v", item, names("#n", "x"), values(":v", n("9"))))
            .containsEntry("a", m("b", n("3"), "d", n("9"), "c", l(s("hi"), m("x", m("y", l(n("3"), n("9")))))));
    }

    @Test
    void setPastTheEndOfAListAppendsInTheOrderOfTheIndexes() {
        Map<String, Value> item = item("a", l(s("one"), s("two"), s("three")));
        assertThat(update("SET a[7] = :v", item, values(":v", s("hello")))).containsEntry("a",
                l(s("one"), s("two"), s("three"), s("hello")));
        assertThat(update("SET a[84] = :a1, a[37] = :a2, a[17] = :a3, a[1] = :a4", item,
                values(":a1", s("a1"), ":a2", s("a2"), ":a3", s("a3"), ":a4", s("a4"))))
            .containsEntry("a", l(s("one"), s("a4"), s("three"), s("a3"), s("a2"), s("a1")));
    }

    @Test
    void writingThroughAMissingOrMistypedParentIsRefused() {
        String message = "The document path provided in the update expression is invalid for update";
        Map<String, Value> item = item("a", s("hello"), "b", l(s("hi")));
        Map<String, Value> values = values(":v", n("7"));
        for (String expression : new String[] { "SET a.c = :v", "SET b.c = :v", "SET c.c = :v", "SET a[0] = :v",
                "SET c[0] = :v", "SET b[3].x = :v", "ADD c.n :v", "REMOVE a.c", "REMOVE c.c", "REMOVE a[0]" }) {
            assertValidation(() -> update(expression, item,
                    values.keySet().stream().anyMatch(expression::contains) ? values : Map.of()), message);
        }
        assertValidation(() -> update("SET c.c = :v", item(), values), message);
    }

    @Test
    void topLevelAttributesListsEveryAttributeWritten() {
        var expression = UpdateExpression.parse("SET a.b = :v, #k = :v REMOVE c[1] ADD d :n DELETE e :s",
                new ExpressionContext(names("#k", "key"), values(":v", n("1"), ":n", n("1"), ":s", ss("x"))));
        assertThat(expression.topLevelAttributes()).containsExactly("a", "key", "c", "d", "e");
    }

}
