package dev.appointments.dynamodb.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        return AttributeValue.fromBs(
                Arrays.stream(utf8Values).map(value -> SdkBytes.fromString(value, StandardCharsets.UTF_8)).toList());
    }

    static AttributeValue l(AttributeValue... values) {
        return AttributeValue.fromL(List.of(values));
    }

    static AttributeValue m(Object... namesAndValues) {
        return AttributeValue.fromM(item(namesAndValues));
    }

    /**
     * An item, a key or expression attribute values: names alternating with their values.
     */
    static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return item;
    }

    /**
     * Expression attribute values; the same as {@link #item}, named for where it goes.
     */
    static Map<String, AttributeValue> values(Object... placeholdersAndValues) {
        return item(placeholdersAndValues);
    }

    /**
     * Expression attribute names: placeholders alternating with the names they stand for.
     */
    static Map<String, String> names(String... placeholdersAndNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < placeholdersAndNames.length; i += 2) {
            names.put(placeholdersAndNames[i], placeholdersAndNames[i + 1]);
        }
        return names;
    }

    /**
     * The item with the members of every set, at any depth, in one order: sets have none
     * of their own.
     */
    static Map<String, AttributeValue> withSortedSets(Map<String, AttributeValue> item) {
        if (item == null) {
            return null;
        }
        Map<String, AttributeValue> sorted = new TreeMap<>();
        item.forEach((name, value) -> sorted.put(name, withSortedSets(value)));
        return sorted;
    }

    private static AttributeValue withSortedSets(AttributeValue value) {
        return switch (value.type()) {
            case SS -> AttributeValue.fromSs(value.ss().stream().sorted().toList());
            case NS -> AttributeValue.fromNs(value.ns().stream().sorted().toList());
            case BS -> AttributeValue.fromBs(value.bs()
                .stream()
                .sorted(Comparator.comparing(bytes -> HexFormat.of().formatHex(bytes.asByteArray())))
                .toList());
            case L -> AttributeValue.fromL(value.l().stream().map(Attributes::withSortedSets).toList());
            case M -> AttributeValue.fromM(withSortedSets(value.m()));
            default -> value;
        };
    }

    /** A string of the given length in bytes, for the size limits. */
    static String bytes(int length) {
        return "x".repeat(length);
    }

}
