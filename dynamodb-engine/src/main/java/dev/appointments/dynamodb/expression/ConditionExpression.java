package dev.appointments.dynamodb.expression;

import java.util.Map;

import dev.appointments.dynamodb.value.Value;

/** A parsed condition or filter expression, tested against items. */
public final class ConditionExpression {

    private final Condition condition;

    private ConditionExpression(Condition condition) {
        this.condition = condition;
    }

    /**
     * Parses a {@code ConditionExpression}; ValidationException on syntax errors, undefined names or values, reserved
     * words used as names and operands DynamoDB refuses.
     */
    public static ConditionExpression parse(String text, ExpressionContext context) {
        return parse("ConditionExpression", text, context);
    }

    /** Parses a {@code FilterExpression}: the same grammar, with errors naming that parameter. */
    public static ConditionExpression parseFilter(String text, ExpressionContext context) {
        return parse("FilterExpression", text, context);
    }

    private static ConditionExpression parse(String parameter, String text, ExpressionContext context) {
        return new ConditionExpression(new ConditionParser(parameter, text, context).parse());
    }

    /** Whether the item satisfies the condition; the item is empty when it does not exist. */
    public boolean test(Map<String, Value> item) {
        return condition.test(item);
    }

    @Override
    public String toString() {
        return condition.toString();
    }
}
