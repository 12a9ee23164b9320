package dev.appointments.dynamodb.expression;

import java.util.Arrays;
import java.util.Map;

import dev.appointments.dynamodb.value.Value;

/**
 * The functions a condition can be made of: attribute_exists, attribute_not_exists,
 * attribute_type, ...
 */
sealed interface FunctionCondition extends Condition {

    record AttributeExists(Path path, boolean exists) implements FunctionCondition {
        public boolean test(Map<String, Value> item) {
            return (path.get(item) != null) == exists;
        }
    }

    record AttributeType(Operand operand, String type) implements FunctionCondition {
        public boolean test(Map<String, Value> item) {
            Value value = operand.resolve(item);
            return value != null && value.type().equals(type);
        }
    }

    /** True when a string starts with a string, or a binary with a binary. */
    record BeginsWith(Operand operand, Operand prefix) implements FunctionCondition {
        public boolean test(Map<String, Value> item) {
            return beginsWith(operand.resolve(item), prefix.resolve(item));
        }

        static boolean beginsWith(Value value, Value prefix) {
            if (value instanceof Value.S s && prefix instanceof Value.S p) {
                return s.value().startsWith(p.value());
            }
            if (value instanceof Value.B b && prefix instanceof Value.B p) {
                byte[] bytes = b.value().bytes();
                byte[] start = p.value().bytes();
                return start.length <= bytes.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
            }
            return false;
        }
    }

    /** A substring of a string or binary, a member of a set, or an element of a list. */
    record Contains(Operand operand, Operand element) implements FunctionCondition {
        public boolean test(Map<String, Value> item) {
            Value container = operand.resolve(item);
            Value wanted = element.resolve(item);
            if (container == null || wanted == null) {
                return false;
            }
            return switch (container) {
                case Value.S s -> wanted instanceof Value.S sub && s.value().contains(sub.value());
                case Value.B b -> wanted instanceof Value.B sub && indexOf(b.value().bytes(), sub.value().bytes());
                case Value.SS ss -> wanted instanceof Value.S member && ss.values().contains(member.value());
                case Value.NS ns -> wanted instanceof Value.N member && ns.values().contains(member.value());
                case Value.BS bs -> wanted instanceof Value.B member && bs.values().contains(member.value());
                case Value.L l -> l.values().contains(wanted);
                default -> false;
            };
        }

        private static boolean indexOf(byte[] bytes, byte[] sub) {
            for (int from = 0; from + sub.length <= bytes.length; from++) {
                if (Arrays.equals(bytes, from, from + sub.length, sub, 0, sub.length)) {
                    return true;
                }
            }
            return false;
        }
    }

}
