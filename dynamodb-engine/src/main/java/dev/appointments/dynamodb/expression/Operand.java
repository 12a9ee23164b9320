package dev.appointments.dynamodb.expression;

import java.math.BigDecimal;
import java.util.Map;

import dev.appointments.dynamodb.value.Value;

/**
 * An operand of a condition: an item's attribute, a value of the request, or the size of
 * either.
 */
sealed interface Operand {

    /**
     * The operand's value for this item, or null when it has none (a missing attribute,
     * the size of a number).
     */
    Value resolve(Map<String, Value> item);

    record PathOperand(Path path) implements Operand {
        public Value resolve(Map<String, Value> item) {
            return path.get(item);
        }
    }

    record ValueOperand(String placeholder, Value value) implements Operand {
        public Value resolve(Map<String, Value> item) {
            return value;
        }
    }

    record Size(Operand operand) implements Operand {
        public Value resolve(Map<String, Value> item) {
            Value value = operand.resolve(item);
            Integer size = value == null ? null : switch (value) {
                // DynamoDB counts a string's UTF-16 code units, as Java's length() does.
                case Value.S s -> s.value().length();
                case Value.B b -> b.value().length();
                case Value.SS ss -> ss.values().size();
                case Value.NS ns -> ns.values().size();
                case Value.BS bs -> bs.values().size();
                case Value.L l -> l.values().size();
                case Value.M m -> m.values().size();
                case Value.N ignored -> null;
                case Value.Bool ignored -> null;
                case Value.Null ignored -> null;
            };
            return size == null ? null : new Value.N(BigDecimal.valueOf(size));
        }
    }

}
