package dev.appointments.dynamodb.expression;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import dev.appointments.dynamodb.value.DynamoDbError;
import dev.appointments.dynamodb.value.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Short factories for the values and items the expression tests read and write. */
final class TestValues {

    private TestValues() {
    }

    static Value.S s(String value) {
        return new Value.S(value);
    }

    static Value.N n(String value) {
        return Value.n(value);
    }

    static Value.B b(int... bytes) {
        return new Value.B(bytes(bytes));
    }

    static Value.Bool bool(boolean value) {
        return new Value.Bool(value);
    }

    static Value.Null nul() {
        return new Value.Null();
    }

    static Value.L l(Value... values) {
        return new Value.L(List.of(values));
    }

    /** A map from alternating keys and values. */
    static Value.M m(Object... keysAndValues) {
        return new Value.M(map(keysAndValues));
    }

    static Value.SS ss(String... values) {
        return new Value.SS(new LinkedHashSet<>(List.of(values)));
    }

    static Value.NS ns(String... values) {
        return new Value.NS(
                Arrays.stream(values).map(BigDecimal::new).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    static Value.BS bs(Value.Bytes... values) {
        return new Value.BS(new LinkedHashSet<>(List.of(values)));
    }

    static Value.Bytes bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return new Value.Bytes(bytes);
    }

    /** An item from alternating attribute names and values. */
    static Map<String, Value> item(Object... namesAndValues) {
        return map(namesAndValues);
    }

    private static Map<String, Value> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Value>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
        }
        return map;
    }

    /** Expression attribute values from alternating placeholders and values. */
    static Map<String, Value> values(Object... placeholdersAndValues) {
        return map(placeholdersAndValues);
    }

    /** Expression attribute names from alternating placeholders and names. */
    static Map<String, String> names(String... placeholdersAndNames) {
        var names = new LinkedHashMap<String, String>();
        for (int i = 0; i < placeholdersAndNames.length; i += 2) {
            names.put(placeholdersAndNames[i], placeholdersAndNames[i + 1]);
        }
        return names;
    }

    /**
     * Asserts the call fails with a ValidationException carrying exactly this message.
     */
    static void assertValidation(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DynamoDbError.class, error -> {
            assertThat(error.name()).isEqualTo("ValidationException");
            assertThat(error.getMessage()).isEqualTo(message);
        });
    }

}
