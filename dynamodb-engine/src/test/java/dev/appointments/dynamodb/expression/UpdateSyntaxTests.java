package dev.appointments.dynamodb.expression;

import org.junit.jupiter.api.Test;

import static dev.appointments.dynamodb.expression.TestValues.assertValidation;
import static dev.appointments.dynamodb.expression.TestValues.item;
import static dev.appointments.dynamodb.expression.TestValues.l;
import static dev.appointments.dynamodb.expression.TestValues.m;
import static dev.appointments.dynamodb.expression.TestValues.n;
import static dev.appointments.dynamodb.expression.TestValues.names;
import static dev.appointments.dynamodb.expression.TestValues.s;
import static dev.appointments.dynamodb.expression.TestValues.values;
import static dev.appointments.dynamodb.expression.UpdateExpressionTests.update;
import static org.assertj.core.api.Assertions.assertThat;

class UpdateSyntaxTests {

    private static final String PREFIX = "Invalid UpdateExpression: ";

    @Test
    void eachSectionKeywordAppearsAtMostOnce() {
        assertValidation(() -> update("SET a = :v SET b = :v", item(), values(":v", n("1"))),
                PREFIX + "The \"SET\" section can only be used once in an update expression;");
        assertValidation(() -> update("SET a = :v REMOVE c set b = :v", item(), values(":v", n("1"))),
                PREFIX + "The \"SET\" section can only be used once in an update expression;");
        assertValidation(() -> update("remove a REMOVE b", item(), values()),
                PREFIX + "The \"REMOVE\" section can only be used once in an update expression;");
    }

    @Test
    void anExpressionIsMadeOfSections() {
        assertValidation(() -> update("HELLO b = :v", item(), values(":v", n("1"))),
                PREFIX + "Syntax error; token: \"HELLO\", near: \"HELLO b\"");
        assertValidation(() -> update("SET a = :v b = :v", item(), values(":v", n("1"))),
                PREFIX + "Syntax error; token: \"b\", near: \":v b =\"");
        assertValidation(() -> update("SET :a = :v", item(), values(":v", n("1"), ":a", n("1"))),
                PREFIX + "Syntax error; token: \":a\", near: \"SET :a =\"");
        assertValidation(() -> update("SET", item(), values()),
                PREFIX + "Syntax error; token: \"<EOF>\", near: \"SET\"");
        assertValidation(() -> update("", item(), values()), PREFIX + "The expression can not be empty;");
        assertValidation(() -> update("ADD a b", item(), values()),
                PREFIX + "Syntax error; token: \"b\", near: \"a b\"");
    }

    @Test
    void pathsThatOverlapAreRefusedWhateverTheItemHolds() {
        String[][] cases = { { "SET a = :v REMOVE a", "[a]", "[a]" }, { "SET a = :v, a.b = :v", "[a]", "[a, b]" },
                { "SET a.b.c = :v, a.b = :v", "[a, b, c]", "[a, b]" },
                { "SET a[1] = :v, a[1][1] = :v", "[a, [1]]", "[a, [1], [1]]" },
                { "ADD a :v REMOVE a", "[a]", "[a]" }, };
        for (String[] overlap : cases) {
            assertValidation(() -> update(overlap[0], item(), values(":v", n("1"))),
                    PREFIX + "Two document paths "
                            + "overlap with each other; must remove or rewrite one of these paths; path one: "
                            + overlap[1] + ", path two: " + overlap[2]);
        }
        assertValidation(
                () -> update("SET #a1 = :v, #a2 = :v", item(), names("#a1", "a", "#a2", "a"), values(":v", n("1"))),
                PREFIX + "Two document paths overlap with each other; must remove or rewrite "
                        + "one of these paths; path one: [a], path two: [a]");
    }

    @Test
    void pathsUsingOneAttributeAsMapAndListConflict() {
        assertValidation(() -> update("SET a.b = :v, a[1] = :v", item(), values(":v", n("1"))),
                PREFIX + "Two document paths conflict with each other; must remove or rewrite one of these paths; "
                        + "path one: [a, b], path two: [a, [1]]");
        assertThat(update("SET a.b = :v, a.c[1] = :w", item("a", m("c", l(n("0"), n("1")))),
                values(":v", n("1"), ":w", n("2"))))
            .containsEntry("a", m("c", l(n("0"), n("2")), "b", n("1")));
    }

    @Test
    void namesFollowTheLexicalRulesAndReservedWordsNeedPlaceholders() {
        assertValidation(() -> update("SET _abc = :v", item(), values(":v", n("1"))),
                PREFIX + "Syntax error; token: \"_\", near: \"SET _abc\"");
        assertValidation(() -> update("SET hi-there = :v", item(), values(":v", n("1"))),
                PREFIX + "Syntax error; token: \"-\", near: \"hi-there\"");
        assertValidation(() -> update("SET #hi-there = :v", item(), names("#hi", "x"), values(":v", n("1"))),
                PREFIX + "Syntax error; token: \"-\", near: \"#hi-there\"");
        assertValidation(() -> update("SET Size = :v", item(), values(":v", n("1"))),
                PREFIX + "Attribute name is a reserved keyword; reserved keyword: Size");
        assertThat(update("SET #s = :v, Alpha_Numeric_123 = :v", item(), names("#s", "3can include any char!.#="),
                values(":v", s("x"))))
            .containsEntry("3can include any char!.#=", s("x"))
            .containsEntry("Alpha_Numeric_123", s("x"));
    }

}
