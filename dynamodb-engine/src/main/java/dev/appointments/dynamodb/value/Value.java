package dev.appointments.dynamodb.value;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value, of one of the ten types of the data model. Values are
 * immutable; numbers are exact decimals normalised as DynamoDB stores them (no trailing
 * zeros), so equal numbers are equal values.
 */
public sealed interface Value {

    /**
     * The type descriptor as the wire protocol names it ({@code S}, {@code N},
     * {@code SS}, ...).
     */
    String type();

    record S(String value) implements Value {
        public String type() {
            return "S";
        }
    }

    record N(BigDecimal value) implements Value {
        public N {
            value = Numbers.normalise(value);
        }

        public String type() {
            return "N";
        }

        @Override
        public String toString() {
            return Numbers.format(value);
        }
    }

    record B(Bytes value) implements Value {
        public String type() {
            return "B";
        }
    }

    record Bool(boolean value) implements Value {
        public String type() {
            return "BOOL";
        }
    }

    record Null() implements Value {
        public String type() {
            return "NULL";
        }
    }

    record L(List<Value> values) implements Value {
        public L {
            values = List.copyOf(values);
        }

        public String type() {
            return "L";
        }
    }

    /** A map; attribute order is kept as given, equality ignores it. */
    record M(Map<String, Value> values) implements Value {
        public M {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }

        public String type() {
            return "M";
        }
    }

    record SS(Set<String> values) implements Value {
        public SS {
            values = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(values));
        }

        public String type() {
            return "SS";
        }
    }

    record NS(Set<BigDecimal> values) implements Value {
        public NS {
            var normalised = new java.util.LinkedHashSet<BigDecimal>();
            values.forEach(number -> normalised.add(Numbers.normalise(number)));
            values = java.util.Collections.unmodifiableSet(normalised);
        }

        public String type() {
            return "NS";
        }
    }

    record BS(Set<Bytes> values) implements Value {
        public BS {
            values = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(values));
        }

        public String type() {
            return "BS";
        }
    }

    static S s(String value) {
        return new S(value);
    }

    static N n(String value) {
        return new N(Numbers.parse(value));
    }

    static N n(long value) {
        return new N(BigDecimal.valueOf(value));
    }

    /**
     * Binary data compared by content, ordered as unsigned bytes (DynamoDB's order for
     * binary keys).
     */
    record Bytes(byte[] bytes) implements Comparable<Bytes> {
        public Bytes {
            bytes = bytes.clone();
        }

        public static Bytes ofBase64(String base64) {
            return new Bytes(Base64.getDecoder().decode(base64));
        }

        public String base64() {
            return Base64.getEncoder().encodeToString(bytes);
        }

        public int length() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public int compareTo(Bytes other) {
            return Arrays.compareUnsigned(bytes, other.bytes);
        }

        @Override
        public String toString() {
            return base64();
        }
    }

}
