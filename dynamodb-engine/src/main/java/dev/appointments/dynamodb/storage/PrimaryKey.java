package dev.appointments.dynamodb.storage;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.appointments.dynamodb.value.Value;
import dev.appointments.dynamodb.value.Values;

/**
 * An item's key in a table or index: ordered by partition key, then sort key, as DynamoDB
 * orders items within a partition (and, here, partitions too, so that scans page in a
 * stable order).
 */
public record PrimaryKey(Value hash, Value range) implements Comparable<PrimaryKey> {

    @Override
    public int compareTo(PrimaryKey other) {
        int byHash = compareScalars(hash, other.hash);
        if (byHash != 0 || range == null) {
            return byHash;
        }
        return compareScalars(range, other.range);
    }

    /**
     * Scalars of possibly different types: by type first (an index may hold a key of a
     * retyped attribute).
     */
    static int compareScalars(Value left, Value right) {
        if (left == right) {
            return 0;
        }
        if (left == null) {
            return -1;
        }
        if (right == null) {
            return 1;
        }
        if (!Values.comparable(left, right)) {
            return left.type().compareTo(right.type());
        }
        return Values.compare(left, right);
    }

    /** The key as attributes, named by the schema. */
    public Map<String, Value> toItem(KeySchema schema) {
        Map<String, Value> key = new LinkedHashMap<>();
        key.put(schema.hashName(), hash);
        if (schema.hasRange()) {
            key.put(schema.rangeName(), range);
        }
        return key;
    }
}
