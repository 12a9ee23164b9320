package dev.appointments.dynamodb.expression;

import dev.appointments.dynamodb.value.Value;
import dev.appointments.dynamodb.value.Values;

/**
 * The comparators of a condition. Equality holds between values of any one type, compared
 * by content; order only between two strings (by UTF-8 bytes), two numbers or two
 * binaries. A missing operand is never equal to anything, so {@code <>} holds and every
 * other comparator fails.
 */
enum ComparisonOperator {

    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    boolean ordering() {
        return this != EQ && this != NE;
    }

    /**
     * The comparator that holds for {@code b ? a} whenever this one holds for
     * {@code a ? b}.
     */
    ComparisonOperator reversed() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> this;
        };
    }

    boolean test(Value left, Value right) {
        if (left == null || right == null) {
            return this == NE;
        }
        return switch (this) {
            case EQ -> left.equals(right);
            case NE -> !left.equals(right);
            default -> Values.comparable(left, right) && holds(Values.compare(left, right));
        };
    }

    private boolean holds(int comparison) {
        return switch (this) {
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            default -> throw new IllegalStateException(symbol);
        };
    }

    /** True for the scalar types DynamoDB can order. */
    static boolean orderable(Value value) {
        return value instanceof Value.S || value instanceof Value.N || value instanceof Value.B;
    }

}
