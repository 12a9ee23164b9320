package dev.appointments.dynamodb.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short spellings of attribute values, so that a test reads like the item it writes. */
final class Attributes {

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue b(int... bytes) {
        byte[] value = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            value[i] = (byte) bytes[i];
        }
        return AttributeValue.fromB(SdkBytes.fromByteArray(value));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue nul() {
        return AttributeValue.fromNul(true);
    }

    static AttributeValue ss(String... values) {
        return AttributeValue.fromSs(List.of(values));
    }

    static AttributeValue ns(String... values) {
        return AttributeValue.fromNs(List.of(values));
    }

    static AttributeValue bs(String... utf8Values) {
        return AttributeValue.fromBs(Arrays.stream(utf8Values)
                .map(value -> SdkBytes.fromString(value, StandardCharsets.UTF_8)).toList());
    }

    static AttributeValue l(AttributeValue... values) {
        return AttributeValue.fromL(List.of(values));
    }

    static AttributeValue m(Object... namesAndValues) {
        return AttributeValue.fromM(item(namesAndValues));
    }

    /** An item, a key or expression attribute values: names alternating with their values. */
    static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return item;
    }

    /** Expression attribute values; the same as {@link #item}, named for where it goes. */
    static Map<String, AttributeValue> values(Object... placeholdersAndValues) {
        return item(placeholdersAndValues);
    }

    /** Expression attribute names: placeholders alternating with the names they stand for. */
    static Map<String, String> names(String... placeholdersAndNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < placeholdersAndNames.length; i += 2) {
            names.put(placeholdersAndNames[i], placeholdersAndNames[i + 1]);
        }
        return names;
    }

    /** A string of the given length in bytes, for the size limits. */
    static String bytes(int length) {
        return "x".repeat(length);
    }
}
