package dev.appointments.dynamodb.storage;

/**
 * The key of a table or index: a partition (hash) key and an optional sort (range) key,
 * with their scalar types.
 *
 * @param hashName the partition key's attribute name
 * @param hashType {@code S}, {@code N} or {@code B}
 * @param rangeName the sort key's attribute name, or {@code null}
 * @param rangeType the sort key's type, or {@code null}
 */
public record KeySchema(String hashName, String hashType, String rangeName, String rangeType) {

    public boolean hasRange() {
        return rangeName != null;
    }

    public boolean isKeyAttribute(String name) {
        return name.equals(hashName) || name.equals(rangeName);
    }
}
