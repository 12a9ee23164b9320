package dev.appointments.dynamodb.expression;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.appointments.dynamodb.value.Value;

import static dev.appointments.dynamodb.expression.TestValues.assertValidation;
import static dev.appointments.dynamodb.expression.TestValues.bs;
import static dev.appointments.dynamodb.expression.TestValues.bytes;
import static dev.appointments.dynamodb.expression.TestValues.item;
import static dev.appointments.dynamodb.expression.TestValues.l;
import static dev.appointments.dynamodb.expression.TestValues.m;
import static dev.appointments.dynamodb.expression.TestValues.n;
import static dev.appointments.dynamodb.expression.TestValues.ns;
import static dev.appointments.dynamodb.expression.TestValues.s;
import static dev.appointments.dynamodb.expression.TestValues.ss;
import static dev.appointments.dynamodb.expression.TestValues.values;
import static dev.appointments.dynamodb.expression.UpdateExpressionTests.update;
import static org.assertj.core.api.Assertions.assertThat;

class UpdateActionTests {

    @Test
    void removeDeletesAttributesAndIgnoresMissingOnes() {
        Map<String, Value> item = item("id", n("789"), "Brand", s("Acme"), "InStock", n("1"));
        assertThat(update("REMOVE Brand, InStock, QuantityOnHand", item, values())).isEqualTo(item("id", n("789")));
        assertThat(update("REMOVE m.y, l[7]", item("m", m("x", n("3")), "l", l(s("hi"))), values()))
            .isEqualTo(item("m", m("x", n("3")), "l", l(s("hi"))));
    }

    @Test
    void removeOnAnItemThatDoesNotExistDoesNothingWhateverThePath() {
        assertThat(update("REMOVE x.y, z[0]", item(), values())).isEmpty();
    }

    @Test
    void removingListElementsShiftsTheRestAndIndexesReferToTheOriginalList() {
        Map<String, Value> item = item("ri", l(s("Chisel"), s("Hammer"), s("Nails"), s("Screwdriver"), s("Hacksaw")));
        assertThat(update("REMOVE ri[1], ri[2]", item, values())).containsEntry("ri",
                l(s("Chisel"), s("Screwdriver"), s("Hacksaw")));
        Map<String, Value> numbers = item("a", l(n("2"), n("3"), n("4"), n("5"), n("6"), n("7")));
        assertThat(update("REMOVE a[1] SET a[3] = :v", numbers, values(":v", n("17")))).containsEntry("a",
                l(n("2"), n("4"), n("17"), n("6"), n("7")));
        assertThat(update("SET a[3] = :v REMOVE a[1]", numbers, values(":v", n("17")))).containsEntry("a",
                l(n("2"), n("4"), n("17"), n("6"), n("7")));
        assertThat(update("REMOVE a[1], a[3].x", item("a", l(n("0"), n("1"), n("2"), m("x", n("1"), "y", n("2")))),
                values()))
            .containsEntry("a", l(n("0"), n("2"), m("y", n("2"))));
    }

    @Test
    void removingTheLastMemberLeavesAnEmptyMapOrList() {
        assertThat(update("REMOVE a.b, c[0]", item("a", m("b", n("1")), "c", l(n("1"))), values()))
            .isEqualTo(item("a", m(), "c", l()));
    }

    @Test
    void addAddsToANumberStartingFromZero() {
        assertThat(update("ADD q :q", item(), values(":q", n("5")))).isEqualTo(item("q", n("5")));
        assertThat(update("ADD q :q", item("q", n("5")), values(":q", n("5")))).isEqualTo(item("q", n("10")));
        assertThat(update("ADD q :q", item("q", n("5")), values(":q", n("-7.5")))).isEqualTo(item("q", n("-2.5")));
        assertThat(update("ADD m.q :q", item("m", m()), values(":q", n("1")))).isEqualTo(item("m", m("q", n("1"))));
    }

    @Test
    void addAddsElementsToASetStartingFromAnEmptySet() {
        assertThat(update("ADD c :c", item(), values(":c", ss("Orange", "Purple"))))
            .isEqualTo(item("c", ss("Orange", "Purple")));
        assertThat(update("ADD c :c", item("c", ss("Orange", "Purple")), values(":c", ss("Purple", "Green"))))
            .isEqualTo(item("c", ss("Orange", "Purple", "Green")));
        assertThat(update("ADD c :c", item("c", ns("1", "2")), values(":c", ns("2.0", "3"))))
            .isEqualTo(item("c", ns("1", "2", "3")));
        assertThat(update("ADD c :c", item("c", bs(bytes(1))), values(":c", bs(bytes(2)))))
            .isEqualTo(item("c", bs(bytes(1), bytes(2))));
    }

    @Test
    void addRefusesOperandsOfTheWrongType() {
        assertValidation(() -> update("ADD a :v", item(), values(":v", s("hello"))),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, "
                        + "operand type: STRING");
        assertValidation(() -> update("ADD a :v", item(), values(":v", l(n("3")))),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, "
                        + "operand type: LIST");
        String incorrect = "An operand in the update expression has an incorrect data type";
        assertValidation(() -> update("ADD b :v", item("b", s("hi")), values(":v", n("1"))), incorrect);
        assertValidation(() -> update("ADD b :v", item("b", ns("1")), values(":v", ss("x"))), incorrect);
        assertValidation(() -> update("ADD b :v", item("b", l(n("1"))), values(":v", ns("2"))), incorrect);
    }

    @Test
    void deleteRemovesElementsFromASetAndTheAttributeWithTheLastOne() {
        Map<String, Value> item = item("id", n("1"), "c", ss("dog", "cat", "mouse"));
        assertThat(update("DELETE c :v", item, values(":v", ss("cat", "mouse", "pig"))))
            .isEqualTo(item("id", n("1"), "c", ss("dog")));
        assertThat(update("DELETE c :v", item, values(":v", ss("dog", "cat", "mouse")))).isEqualTo(item("id", n("1")));
        assertThat(update("DELETE z :v", item, values(":v", ss("dog")))).isEqualTo(item);
        assertThat(update("DELETE m.n :v", item("m", m("n", ns("1", "2"))), values(":v", ns("1"))))
            .isEqualTo(item("m", m("n", ns("2"))));
        assertThat(update("DELETE m.n :v", item("m", m("n", ns("1"))), values(":v", ns("1"))))
            .isEqualTo(item("m", m()));
    }

    @Test
    void deleteRefusesOperandsThatAreNotSetsOfTheSameType() {
        assertValidation(() -> update("DELETE a :v", item(), values(":v", n("1"))),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, "
                        + "operand type: NUMBER");
        assertValidation(() -> update("DELETE a :v", item("a", ns("1")), values(":v", ss("1"))),
                "An operand in the update expression has an incorrect data type");
    }

    @Test
    void sectionsComeInAnyOrderAndActionsTouchDifferentPathsOfOneAttribute() {
        Map<String, Value> item = item("a", m("x", n("3"), "y", n("4"), "c", m("y", n("3"))), "b",
                m("x", n("1"), "y", n("2")));
        assertThat(update("REMOVE a.x, b.y SET a.b = :v1, a.c.d = :v2, b.x = :v3 ADD n :v1 DELETE s :s", item,
                values(":v1", n("10"), ":v2", s("dog"), ":v3", n("17"), ":s", ss("x"))))
            .isEqualTo(item("a", m("y", n("4"), "b", n("10"), "c", m("y", n("3"), "d", s("dog"))), "b", m("x", n("17")),
                    "n", n("10")));
    }

}
