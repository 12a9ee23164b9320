package dev.appointments.dynamodb.operations;

import java.util.Map;

import dev.appointments.dynamodb.storage.IndexDefinition;
import dev.appointments.dynamodb.storage.KeySchema;
import dev.appointments.dynamodb.storage.PrimaryKey;
import dev.appointments.dynamodb.storage.Table;
import dev.appointments.dynamodb.value.DynamoDbError;
import dev.appointments.dynamodb.value.Value;
import dev.appointments.dynamodb.value.Values;

/** Checks keys and items against a table's schema with DynamoDB's messages. */
final class Keys {

    static final long MAX_ITEM_SIZE = 400 * 1024;

    private Keys() {
    }

    /**
     * A key as given to GetItem, DeleteItem, UpdateItem: exactly the key attributes, of
     * the right types.
     */
    static PrimaryKey key(Table table, Map<String, Value> key) {
        KeySchema schema = table.definition().keySchema();
        int expected = schema.hasRange() ? 2 : 1;
        if (key.size() != expected || !key.containsKey(schema.hashName())
                || (schema.hasRange() && !key.containsKey(schema.rangeName()))) {
            throw DynamoDbError.validation("The provided key element does not match the schema");
        }
        Value hash = key.get(schema.hashName());
        Value range = schema.hasRange() ? key.get(schema.rangeName()) : null;
        if (!hash.type().equals(schema.hashType()) || (range != null && !range.type().equals(schema.rangeType()))) {
            throw DynamoDbError.validation("The provided key element does not match the schema");
        }
        requireNotEmpty(schema.hashName(), hash);
        if (range != null) {
            requireNotEmpty(schema.rangeName(), range);
        }
        requireSize(schema, hash, range);
        return new PrimaryKey(hash, range);
    }

    /**
     * A whole item as given to PutItem: its key attributes present and typed, index keys
     * typed, size in bounds.
     */
    static PrimaryKey item(Table table, Map<String, Value> item) {
        KeySchema schema = table.definition().keySchema();
        Value hash = requireKeyAttribute(item, schema.hashName(), schema.hashType());
        Value range = schema.hasRange() ? requireKeyAttribute(item, schema.rangeName(), schema.rangeType()) : null;
        requireSize(schema, hash, range);
        checkItem(table, item);
        return new PrimaryKey(hash, range);
    }

    /**
     * An item about to be stored (after an update too): index key types, empty values,
     * size.
     */
    static void checkItem(Table table, Map<String, Value> item) {
        for (IndexDefinition index : table.definition().indexes()) {
            checkIndexKey(index, index.keySchema().hashName(), index.keySchema().hashType(), item);
            if (index.keySchema().hasRange()) {
                checkIndexKey(index, index.keySchema().rangeName(), index.keySchema().rangeType(), item);
            }
        }
        if (Values.size(item) > MAX_ITEM_SIZE) {
            throw DynamoDbError.validation("Item size has exceeded the maximum allowed size");
        }
    }

    private static void checkIndexKey(IndexDefinition index, String name, String type, Map<String, Value> item) {
        Value value = item.get(name);
        if (value == null) {
            return;
        }
        if (!value.type().equals(type)) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                    + name + " Expected: " + type + " Actual: " + value.type() + " IndexName: " + index.name());
        }
        if (isEmpty(value)) {
            throw DynamoDbError.validation("One or more parameter values are not valid. A value specified for a "
                    + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain "
                    + "an empty string value. IndexName: " + index.name() + ", IndexKey: " + name);
        }
    }

    private static Value requireKeyAttribute(Map<String, Value> item, String name, String type) {
        Value value = item.get(name);
        if (value == null) {
            throw DynamoDbError
                .validation("One or more parameter values were invalid: Missing the key " + name + " in the item");
        }
        if (!value.type().equals(type)) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Type mismatch for key " + name
                    + " expected: " + type + " actual: " + value.type());
        }
        requireNotEmpty(name, value);
        return value;
    }

    private static final int MAX_HASH_KEY_BYTES = 2048;

    private static final int MAX_RANGE_KEY_BYTES = 1024;

    private static void requireSize(KeySchema schema, Value hash, Value range) {
        if (Values.size(hash) > MAX_HASH_KEY_BYTES) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Size of hashkey has exceeded "
                    + "the maximum size limit of2048 bytes");
        }
        if (range != null && Values.size(range) > MAX_RANGE_KEY_BYTES) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Aggregated size of all range "
                    + "keys has exceeded the size limit of 1024 bytes");
        }
    }

    private static void requireNotEmpty(String name, Value value) {
        if (isEmpty(value)) {
            throw DynamoDbError.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty " + (value instanceof Value.S ? "string" : "binary")
                    + " value. Key: " + name);
        }
    }

    private static boolean isEmpty(Value value) {
        return (value instanceof Value.S s && s.value().isEmpty())
                || (value instanceof Value.B b && b.value().length() == 0);
    }

}
