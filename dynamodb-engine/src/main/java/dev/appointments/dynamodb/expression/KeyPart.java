package dev.appointments.dynamodb.expression;

import dev.appointments.dynamodb.expression.KeyCondition.RangeCondition;
import dev.appointments.dynamodb.value.Value;

/**
 * One condition of a key condition expression: the key attribute it is on and what it
 * requires of it.
 */
record KeyPart(String name, RangeCondition condition) {

    static KeyPart of(Condition condition) {
        return switch (condition) {
            case Condition.Compare compare -> compare(compare);
            case Condition.Between between ->
                new KeyPart(keyName(between.operand(), between.lower(), between.upper()), new RangeCondition(
                        RangeCondition.Operator.BETWEEN, value(between.lower()), value(between.upper())));
            case FunctionCondition.BeginsWith begins -> new KeyPart(keyName(begins.operand(), begins.prefix()),
                    new RangeCondition(RangeCondition.Operator.BEGINS_WITH, value(begins.prefix()), null));
            default -> throw new IllegalStateException("not a key condition: " + condition);
        };
    }

    private static KeyPart compare(Condition.Compare compare) {
        // The key may stand on either side: ":v < k" is "k > :v".
        boolean keyOnRight = compare.left() instanceof Operand.ValueOperand
                && compare.right() instanceof Operand.PathOperand;
        Operand key = keyOnRight ? compare.right() : compare.left();
        Operand value = keyOnRight ? compare.left() : compare.right();
        ComparisonOperator operator = keyOnRight ? compare.operator().reversed() : compare.operator();
        String name = keyName(key, value);
        return new KeyPart(name, new RangeCondition(switch (operator) {
            case EQ -> RangeCondition.Operator.EQ;
            case LT -> RangeCondition.Operator.LT;
            case LE -> RangeCondition.Operator.LE;
            case GT -> RangeCondition.Operator.GT;
            case GE -> RangeCondition.Operator.GE;
            case NE -> throw KeyCondition.invalidOperator("<>");
        }, value(value), null));
    }

    /**
     * The top-level attribute the condition is on; its other operands must be values of
     * the request.
     */
    private static String keyName(Operand key, Operand... values) {
        for (Operand operand : values) {
            if (operand instanceof Operand.Size) {
                throw KeyCondition.invalidOperator("size");
            }
            if (operand instanceof Operand.PathOperand) {
                throw KeyCondition.invalid("Invalid condition in KeyConditionExpression: multiple attribute names "
                        + "used in one condition");
            }
        }
        return switch (key) {
            case Operand.Size ignored -> throw KeyCondition.invalidOperator("size");
            case Operand.ValueOperand ignored ->
                throw KeyCondition.invalid("Invalid condition in KeyConditionExpression: No key attribute specified");
            case Operand.PathOperand path when !path.path().isTopLevel() ->
                throw KeyCondition.invalid("KeyConditionExpressions cannot have conditions on nested attributes");
            case Operand.PathOperand path -> path.path().topLevelName();
        };
    }

    private static Value value(Operand operand) {
        return ((Operand.ValueOperand) operand).value();
    }
}
