package dev.appointments.dynamodb.value;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Order and size of values as DynamoDB defines them: strings by UTF-8 bytes, numbers by
 * value, binary as unsigned bytes; sizes are what counts towards the 400 KB item limit.
 */
public final class Values {

    private Values() {
    }

    /** True when both are scalars of one type that can be ordered (S, N or B). */
    public static boolean comparable(Value left, Value right) {
        return switch (left) {
            case Value.S ignored -> right instanceof Value.S;
            case Value.N ignored -> right instanceof Value.N;
            case Value.B ignored -> right instanceof Value.B;
            default -> false;
        };
    }

    /**
     * Compares two values of one orderable type; callers check {@link #comparable} first.
     */
    public static int compare(Value left, Value right) {
        return switch (left) {
            case Value.S s -> compareUtf8(s.value(), ((Value.S) right).value());
            case Value.N n -> n.value().compareTo(((Value.N) right).value());
            case Value.B b -> b.value().compareTo(((Value.B) right).value());
            default -> throw new IllegalArgumentException("not an orderable type: " + left.type());
        };
    }

    /** Strings in the order of their UTF-8 bytes, as DynamoDB sorts them. */
    public static int compareUtf8(String left, String right) {
        int length = Math.min(left.length(), right.length());
        for (int i = 0; i < length; i++) {
            char a = left.charAt(i);
            char b = right.charAt(i);
            if (a != b) {
                // UTF-16 order equals code point (and so UTF-8) order except around
                // surrogates.
                if (Character.isSurrogate(a) || Character.isSurrogate(b)) {
                    return java.util.Arrays.compareUnsigned(left.substring(i).getBytes(StandardCharsets.UTF_8),
                            right.substring(i).getBytes(StandardCharsets.UTF_8));
                }
                return Character.compare(a, b);
            }
        }
        return Integer.compare(left.length(), right.length());
    }

    /** The size of an item as DynamoDB counts it: names plus values. */
    public static long size(Map<String, Value> item) {
        long size = 0;
        for (var entry : item.entrySet()) {
            size += utf8Length(entry.getKey()) + size(entry.getValue());
        }
        return size;
    }

    public static long size(Value value) {
        return switch (value) {
            case Value.S s -> utf8Length(s.value());
            case Value.N n -> (n.value().precision() + 1) / 2 + 1;
            case Value.B b -> b.value().length();
            case Value.Bool ignored -> 1;
            case Value.Null ignored -> 1;
            case Value.L l -> 3 + l.values().stream().mapToLong(element -> 1 + size(element)).sum();
            case Value.M m -> 3 + m.values()
                .entrySet()
                .stream()
                .mapToLong(entry -> 1 + utf8Length(entry.getKey()) + size(entry.getValue()))
                .sum();
            case Value.SS ss -> ss.values().stream().mapToLong(Values::utf8Length).sum();
            case Value.NS ns -> ns.values().stream().mapToLong(number -> (number.precision() + 1) / 2 + 1).sum();
            case Value.BS bs -> bs.values().stream().mapToLong(Value.Bytes::length).sum();
        };
    }

    public static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            }
            else if (c < 0x800) {
                length += 2;
            }
            else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            }
            else {
                length += 3;
            }
        }
        return length;
    }

}
