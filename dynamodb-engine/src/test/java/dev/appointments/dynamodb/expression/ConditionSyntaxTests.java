package dev.appointments.dynamodb.expression;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.appointments.dynamodb.expression.ConditionExpressionTests.holds;
import static dev.appointments.dynamodb.expression.TestValues.assertValidation;
import static dev.appointments.dynamodb.expression.TestValues.item;
import static dev.appointments.dynamodb.expression.TestValues.n;
import static dev.appointments.dynamodb.expression.TestValues.names;
import static dev.appointments.dynamodb.expression.TestValues.s;
import static dev.appointments.dynamodb.expression.TestValues.values;
import static org.assertj.core.api.Assertions.assertThat;

class ConditionSyntaxTests {

    private static final String PREFIX = "Invalid ConditionExpression: ";

    @Test
    void syntaxErrorsQuoteTheTokenAndItsNeighbours() {
        assertValidation(() -> holds("a = = :v", item(), values(":v", n("1"))),
                PREFIX + "Syntax error; token: \"=\", near: \"= = :v\"");
        assertValidation(() -> holds("a =", item(), values()), PREFIX + "Syntax error; token: \"<EOF>\", near: \"=\"");
        assertValidation(() -> holds("a", item(), values()), PREFIX + "Syntax error; token: \"<EOF>\", near: \"a\"");
        assertValidation(() -> holds("a != :v", item(), values(":v", n("1"))),
                PREFIX + "Syntax error; token: \"!\", near: \"a !=\"");
        assertValidation(() -> holds("a IN ()", item(), values()), PREFIX + "Syntax error; token: \")\", near: \"()\"");
        assertValidation(() -> holds("(a = :v", item(), values(":v", n("1"))),
                PREFIX + "Syntax error; token: \"<EOF>\", near: \":v\"");
    }

    @Test
    void namesStartWithALetterAndPlaceholdersNeedACharacter() {
        assertValidation(() -> holds("_a = :v", item(), values(":v", n("1"))),
                PREFIX + "Syntax error; token: \"_\", near: \"_a\"");
        assertValidation(() -> holds("1a = :v", item(), values(":v", n("1"))),
                PREFIX + "Syntax error; token: \"1\", near: \"1a\"");
        assertValidation(() -> holds("a = :", item(), values()), PREFIX + "Syntax error; token: \":\", near: \"= :\"");
        assertThat(holds("a_1 = :_", item("a_1", n("1")), values(":_", n("1")))).isTrue();
        assertThat(holds("#1 = :1", item("x", n("1")), names("#1", "x"), values(":1", n("1")))).isTrue();
    }

    @Test
    void listIndexesAreLiteralNumbers() {
        assertValidation(() -> holds("a[:i] = :v", item(), values(":v", n("1"), ":i", n("1"))),
                PREFIX + "Syntax error; token: \":i\", near: \"[:i]\"");
        assertValidation(() -> holds("a[-1] = :v", item(), values(":v", n("1"))),
                PREFIX + "Syntax error; token: \"-\", near: \"[-1\"");
    }

    @Test
    void reservedWordsCannotBeUsedAsNames() {
        assertValidation(() -> holds("status = :v", item(), values(":v", s("x"))),
                PREFIX + "Attribute name is a reserved keyword; reserved keyword: status");
        assertValidation(() -> holds("a.Comment = :v", item(), values(":v", s("x"))),
                PREFIX + "Attribute name is a reserved keyword; reserved keyword: Comment");
        assertThat(holds("#s = :v", item("status", s("x")), names("#s", "status"), values(":v", s("x")))).isTrue();
        assertThat(holds("statuses = :v", item("statuses", s("x")), values(":v", s("x")))).isTrue();
    }

    @Test
    void everyPlaceholderMustBeDefined() {
        assertValidation(() -> holds("a = :x", item(), values()),
                PREFIX + "An expression attribute value used in expression is not defined; attribute value: :x");
        assertValidation(() -> holds("#n = :v", item(), values(":v", n("1"))),
                PREFIX + "An expression attribute name used in the document path is not defined; attribute name: #n");
    }

    @Test
    void anEmptyExpressionIsRefused() {
        assertValidation(() -> holds("  ", item(), values()), PREFIX + "The expression can not be empty;");
    }

    @Test
    void expressionsAreLimitedToFourKilobytes() {
        String padding = " ".repeat(4096 - "a = :v".length());
        assertThat(holds("a = :v" + padding, item("a", n("1")), values(":v", n("1")))).isTrue();
        assertValidation(() -> holds("a = :v " + padding, item(), values(":v", n("1"))),
                PREFIX + "Expression size has exceeded the maximum allowed size; expression size: 4097");
    }

    @Test
    void documentPathsAreLimitedToThirtyTwoLevels() {
        String path = "a" + ".a".repeat(31);
        assertThat(holds("attribute_not_exists(" + path + ")", item(), values())).isTrue();
        assertValidation(() -> holds("attribute_not_exists(" + path + ".a)", item(), values()),
                PREFIX + "The document path has too many nesting levels; nesting levels: 33");
    }

    @Test
    void deeplyNestedParenthesesAreRefusedRatherThanOverflowingTheStack() {
        String deep = "(".repeat(1500) + "a = :v" + ")".repeat(1500);
        assertValidation(() -> holds(deep, item(), values(":v", n("1"))),
                PREFIX + "The expression has too many nested levels; nesting levels: 257");
        String fine = "(".repeat(200) + "a = :v" + ")".repeat(200);
        assertThat(holds(fine, item("a", n("1")), values(":v", n("1")))).isTrue();
    }

    @Test
    void placeholdersAreMarkedUsedSoTheRequestCanRefuseTheOthers() {
        var context = new ExpressionContext(names("#a", "a", "#b", "b"),
                values(":v", n("1"), ":w", n("2"), ":x", n("3")));
        ConditionExpression.parse("#a = :v", context);
        assertValidation(context::requireAllUsed,
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}");
        ConditionExpression.parse("#b = :w", context);
        assertValidation(context::requireAllUsed,
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}");
        ConditionExpression.parse("a = :x", context);
        context.requireAllUsed();
    }

    @Test
    void placeholderKeysMustBeWellFormed() {
        assertValidation(() -> new ExpressionContext(names("a", "b"), Map.of()),
                "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
        assertValidation(() -> new ExpressionContext(Map.of(), values("v", n("1"))),
                "ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"");
        assertValidation(() -> new ExpressionContext(names("#a", ""), Map.of()),
                "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a");
    }

}
