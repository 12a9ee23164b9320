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
     * Parses a {@code ConditionExpression}; ValidationException on syntax errors,
     * undefined names or values, reserved words used as names and operands DynamoDB
     * refuses.
     */
    public static ConditionExpression parse(String text, ExpressionContext context) {
        return parse("ConditionExpression", text, context);
    }

    /**
     * Parses a {@code FilterExpression}: the same grammar, with errors naming that
     * parameter.
     */
    public static ConditionExpression parseFilter(String text, ExpressionContext context) {
        return parse("FilterExpression", text, context);
    }

    private static ConditionExpression parse(String parameter, String text, ExpressionContext context) {
        return new ConditionExpression(new ConditionParser(parameter, text, context).parse());
    }

    /**
     * Whether the item satisfies the condition; the item is empty when it does not exist.
     */
    public boolean test(Map<String, Value> item) {
        return condition.test(item);
    }

    /**
     * The top-level attribute names the condition reads (a filter may not read key
     * attributes).
     */
    public java.util.Set<String> topLevelAttributes() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        collect(condition, names);
        return names;
    }

    private static void collect(Condition condition, java.util.Set<String> names) {
        switch (condition) {
            case Condition.And and -> {
                collect(and.left(), names);
                collect(and.right(), names);
            }
            case Condition.Or or -> {
                collect(or.left(), names);
                collect(or.right(), names);
            }
            case Condition.Not not -> collect(not.condition(), names);
            case Condition.Compare compare -> {
                collect(compare.left(), names);
                collect(compare.right(), names);
            }
            case Condition.Between between -> {
                collect(between.operand(), names);
                collect(between.lower(), names);
                collect(between.upper(), names);
            }
            case Condition.In in -> {
                collect(in.operand(), names);
                in.candidates().forEach(candidate -> collect(candidate, names));
            }
            case FunctionCondition.AttributeExists exists -> names.add(exists.path().topLevelName());
            case FunctionCondition.AttributeType type -> collect(type.operand(), names);
            case FunctionCondition.BeginsWith begins -> {
                collect(begins.operand(), names);
                collect(begins.prefix(), names);
            }
            case FunctionCondition.Contains contains -> {
                collect(contains.operand(), names);
                collect(contains.element(), names);
            }
        }
    }

    private static void collect(Operand operand, java.util.Set<String> names) {
        switch (operand) {
            case Operand.PathOperand path -> names.add(path.path().topLevelName());
            case Operand.Size size -> collect(size.operand(), names);
            case Operand.ValueOperand ignored -> {
            }
        }
    }

    @Override
    public String toString() {
        return condition.toString();
    }

}
