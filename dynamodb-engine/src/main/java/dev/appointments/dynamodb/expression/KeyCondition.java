package dev.appointments.dynamodb.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.appointments.dynamodb.value.DynamoDbError;
import dev.appointments.dynamodb.value.Value;
import dev.appointments.dynamodb.value.Values;

/**
 * A parsed key condition expression of a Query: equality on the partition key and,
 * optionally, one comparison, BETWEEN or begins_with on the sort key, in either order. It
 * is parsed with the condition grammar (so parentheses are allowed) and then refused
 * unless it has one of these forms.
 */
public final class KeyCondition {

    private final Value hashValue;

    private final RangeCondition range;

    private KeyCondition(Value hashValue, RangeCondition range) {
        this.hashValue = hashValue;
        this.range = range;
    }

    /**
     * Parses against the key schema; {@code rangeKeyName} is null for a table or index
     * without a sort key.
     */
    public static KeyCondition parse(String text, ExpressionContext context, String hashKeyName, String rangeKeyName) {
        Condition condition = new ConditionParser("KeyConditionExpression", text, context).parse();
        var parts = new ArrayList<Condition>();
        flatten(condition, parts);
        if (parts.size() > 2) {
            throw invalid("Conditions can be of length 1 or 2 only");
        }
        var conditions = new LinkedHashMap<String, RangeCondition>();
        for (Condition part : parts) {
            KeyPart key = KeyPart.of(part);
            if (conditions.put(key.name(), key.condition()) != null) {
                throw invalid("KeyConditionExpressions must only contain one condition per key");
            }
        }
        RangeCondition hash = conditions.remove(hashKeyName);
        if (hash == null) {
            throw DynamoDbError.validation("Query condition missed key schema element: " + hashKeyName);
        }
        if (hash.operator() != RangeCondition.Operator.EQ) {
            throw DynamoDbError.validation("Query key condition not supported");
        }
        if (!conditions.isEmpty() && !conditions.containsKey(rangeKeyName)) {
            throw DynamoDbError.validation(rangeKeyName == null ? "Query key condition not supported"
                    : "Query condition missed key schema element: " + rangeKeyName);
        }
        return new KeyCondition(hash.value(), conditions.get(rangeKeyName));
    }

    private static void flatten(Condition condition, List<Condition> parts) {
        switch (condition) {
            case Condition.And and -> {
                flatten(and.left(), parts);
                flatten(and.right(), parts);
            }
            case Condition.Or ignored -> throw invalidOperator("OR");
            case Condition.Not ignored -> throw invalidOperator("NOT");
            case Condition.In ignored -> throw invalidOperator("IN");
            case Condition.Compare compare when compare.operator() == ComparisonOperator.NE ->
                throw invalidOperator("<>");
            case FunctionCondition.AttributeExists exists ->
                throw invalidOperator(exists.exists() ? "attribute_exists" : "attribute_not_exists");
            case FunctionCondition.AttributeType ignored -> throw invalidOperator("attribute_type");
            case FunctionCondition.Contains ignored -> throw invalidOperator("contains");
            default -> parts.add(condition);
        }
    }

    static DynamoDbError invalid(String message) {
        return DynamoDbError.validation("Invalid KeyConditionExpression: " + message);
    }

    static DynamoDbError invalidOperator(String operator) {
        return invalid("Invalid operator used in KeyConditionExpression: " + operator);
    }

    /** The value the partition key must equal. */
    public Value hashValue() {
        return hashValue;
    }

    /** The condition on the sort key, if there is one. */
    public Optional<RangeCondition> range() {
        return Optional.ofNullable(range);
    }

    @Override
    public String toString() {
        return "hash = " + hashValue + (range == null ? "" : " AND " + range);
    }

    /**
     * A condition on the sort key: a comparison with {@code value}, BETWEEN it and
     * {@code upperValue}, or a prefix.
     */
    public record RangeCondition(Operator operator, Value value,
            Value upperValue /* BETWEEN only, else null */) {

        public enum Operator {

            EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH

        }

        public RangeCondition {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
            if ((operator == Operator.BETWEEN) != (upperValue != null)) {
                throw new IllegalArgumentException("an upper value goes with BETWEEN only");
            }
        }

        /**
         * Whether a sort key value satisfies the condition; values of another type never
         * do.
         */
        public boolean matches(Value sortKeyValue) {
            return switch (operator) {
                case EQ -> value.equals(sortKeyValue);
                case LT -> ordered(value, sortKeyValue) && Values.compare(sortKeyValue, value) < 0;
                case LE -> ordered(value, sortKeyValue) && Values.compare(sortKeyValue, value) <= 0;
                case GT -> ordered(value, sortKeyValue) && Values.compare(sortKeyValue, value) > 0;
                case GE -> ordered(value, sortKeyValue) && Values.compare(sortKeyValue, value) >= 0;
                case BETWEEN -> ordered(value, sortKeyValue) && ordered(upperValue, sortKeyValue)
                        && Values.compare(value, sortKeyValue) <= 0 && Values.compare(sortKeyValue, upperValue) <= 0;
                case BEGINS_WITH -> FunctionCondition.BeginsWith.beginsWith(sortKeyValue, value);
            };
        }

        private static boolean ordered(Value bound, Value value) {
            return value != null && Values.comparable(bound, value);
        }
    }

}
