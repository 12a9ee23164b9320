package dev.appointments.dynamodb.expression;

import java.util.ArrayList;
import java.util.Map;

import dev.appointments.dynamodb.value.DynamoDbError;
import dev.appointments.dynamodb.value.Numbers;
import dev.appointments.dynamodb.value.Value;

/**
 * The right-hand side of a SET action: an attribute, a value, {@code if_not_exists},
 * {@code list_append} or the sum or difference of two numbers. It is evaluated against
 * the item as it was before the update.
 */
sealed interface SetValue {

    Value evaluate(Map<String, Value> item);

    record Read(Path path) implements SetValue {
        public Value evaluate(Map<String, Value> item) {
            Value value = path.get(item);
            if (value == null) {
                throw DynamoDbError
                    .validation("The provided expression refers to an attribute that does not exist in the item");
            }
            return value;
        }
    }

    record Literal(String placeholder, Value value) implements SetValue {
        public Value evaluate(Map<String, Value> item) {
            return value;
        }
    }

    record IfNotExists(Path path, SetValue fallback) implements SetValue {
        public Value evaluate(Map<String, Value> item) {
            Value value = path.get(item);
            return value != null ? value : fallback.evaluate(item);
        }
    }

    record ListAppend(SetValue first, SetValue second) implements SetValue {
        public Value evaluate(Map<String, Value> item) {
            if (first.evaluate(item) instanceof Value.L head && second.evaluate(item) instanceof Value.L tail) {
                var values = new ArrayList<>(head.values());
                values.addAll(tail.values());
                return new Value.L(values);
            }
            throw incorrectDataType();
        }
    }

    /**
     * {@code a + b} or {@code a - b}, exact in decimal, refusing results DynamoDB cannot
     * store.
     */
    record Arithmetic(SetValue left, boolean plus, SetValue right) implements SetValue {
        public Value evaluate(Map<String, Value> item) {
            if (left.evaluate(item) instanceof Value.N a && right.evaluate(item) instanceof Value.N b) {
                return new Value.N(Numbers.checked(plus ? a.value().add(b.value()) : a.value().subtract(b.value())));
            }
            throw incorrectDataType();
        }
    }

    static DynamoDbError incorrectDataType() {
        return DynamoDbError.validation("An operand in the update expression has an incorrect data type");
    }

}
