package dev.appointments.dynamodb.expression;

import java.util.List;
import java.util.Map;

import dev.appointments.dynamodb.value.Value;
import dev.appointments.dynamodb.value.Values;

/** A parsed condition, true or false for an item (empty when the item does not exist). */
sealed interface Condition permits Condition.And, Condition.Or, Condition.Not, Condition.Compare, Condition.Between,
        Condition.In, FunctionCondition {

    boolean test(Map<String, Value> item);

    record And(Condition left, Condition right) implements Condition {
        public boolean test(Map<String, Value> item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        public boolean test(Map<String, Value> item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Condition condition) implements Condition {
        public boolean test(Map<String, Value> item) {
            return !condition.test(item);
        }
    }

    record Compare(ComparisonOperator operator, Operand left, Operand right) implements Condition {
        public boolean test(Map<String, Value> item) {
            return operator.test(left.resolve(item), right.resolve(item));
        }
    }

    record Between(Operand operand, Operand lower, Operand upper) implements Condition {
        public boolean test(Map<String, Value> item) {
            Value value = operand.resolve(item);
            Value low = lower.resolve(item);
            Value high = upper.resolve(item);
            return value != null && low != null && high != null && Values.comparable(value, low)
                    && Values.comparable(value, high) && Values.compare(low, value) <= 0
                    && Values.compare(value, high) <= 0;
        }
    }

    record In(Operand operand, List<Operand> candidates) implements Condition {
        public boolean test(Map<String, Value> item) {
            Value value = operand.resolve(item);
            return value != null && candidates.stream().anyMatch(candidate -> value.equals(candidate.resolve(item)));
        }
    }

}
