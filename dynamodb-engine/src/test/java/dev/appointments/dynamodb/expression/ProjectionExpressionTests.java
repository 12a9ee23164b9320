package dev.appointments.dynamodb.expression;

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
import static org.assertj.core.api.Assertions.assertThat;

class ProjectionExpressionTests {

    private static final Map<String, Value> ITEM = item("p", s("key"), "a",
            m("b", l(n("2"), n("4"), m("x", s("deep"))), "c", n("5")), "b", s("hello"), "a.b", s("dotted"));

    private static Map<String, Value> project(String expression) {
        return project(expression, Map.of());
    }

    private static Map<String, Value> project(String expression, Map<String, String> names) {
        return ProjectionExpression.parse(expression, new ExpressionContext(names, Map.of())).project(ITEM);
    }

    @Test
    void topLevelAttributesAreReturnedWhole() {
        assertThat(project("b, p")).isEqualTo(item("b", s("hello"), "p", s("key")));
        assertThat(project("a")).isEqualTo(item("a", ITEM.get("a")));
        assertThat(project("absent, b")).isEqualTo(item("b", s("hello")));
    }

    @Test
    void nestedPathsKeepTheStructureAroundWhatTheySelect() {
        assertThat(project("a.c")).isEqualTo(item("a", m("c", n("5"))));
        assertThat(project("a.b[2].x")).isEqualTo(item("a", m("b", l(m("x", s("deep"))))));
        assertThat(project("a.b[2], a.b[0]")).isEqualTo(item("a", m("b", l(n("2"), m("x", s("deep"))))));
        assertThat(project("a.b[0], a.c, b")).isEqualTo(item("a", m("b", l(n("2")), "c", n("5")), "b", s("hello")));
    }

    @Test
    void pathsTheItemLacksAreLeftOut() {
        assertThat(project("a.x.y")).isEmpty();
        assertThat(project("a.b[3].x")).isEmpty();
        assertThat(project("a.b.x")).isEmpty();
        assertThat(project("a[0]")).isEmpty();
        assertThat(project("a.x, a.b[0], x, a.b[3].x")).isEqualTo(item("a", m("b", l(n("2")))));
    }

    @Test
    void placeholdersNameOneAttributeEachEvenWithDots() {
        assertThat(project("#ab", names("#ab", "a.b"))).isEqualTo(item("a.b", s("dotted")));
        assertThat(project("a.b[1]")).isEqualTo(item("a", m("b", l(n("4")))));
        assertThat(project("#a.#c", names("#a", "a", "#c", "c"))).isEqualTo(item("a", m("c", n("5"))));
    }

    @Test
    void overlappingAndConflictingPathsAreRefused() {
        assertValidation(() -> project("a.b[0],a.b[0]"), "Invalid ProjectionExpression: Two document paths overlap "
                + "with each other; must remove or rewrite one of these paths; path one: [a, b, [0]], path two: "
                + "[a, b, [0]]");
        assertValidation(() -> project("a, a.b[2].c"),
                "Invalid ProjectionExpression: Two document paths overlap "
                        + "with each other; must remove or rewrite one of these paths; path one: [a], path two: "
                        + "[a, b, [2], c]");
        assertValidation(() -> project("a.b, a[1]"), "Invalid ProjectionExpression: Two document paths conflict "
                + "with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]");
        assertThat(project("a.b[0], a.b[1], a.c")).containsOnlyKeys("a");
    }

    @Test
    void syntaxAndReservedWordsAreCheckedAsInOtherExpressions() {
        assertValidation(() -> project("a,"),
                "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", " + "near: \",\"");
        assertValidation(() -> project("Comment"),
                "Invalid ProjectionExpression: Attribute name is a reserved " + "keyword; reserved keyword: Comment");
        assertValidation(() -> project(""), "Invalid ProjectionExpression: The expression can not be empty;");
        assertValidation(() -> project("a = b"),
                "Invalid ProjectionExpression: Syntax error; token: \"=\", " + "near: \"a = b\"");
    }

}
