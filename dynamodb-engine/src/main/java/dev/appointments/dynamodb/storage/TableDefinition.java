package dev.appointments.dynamodb.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a table was created with: name, key, attribute types, secondary indexes, billing,
 * and its time-to-live attribute once enabled.
 */
public record TableDefinition(String name, KeySchema keySchema, Map<String, String> attributeTypes,
        List<IndexDefinition> indexes, String billingMode, long readCapacity, long writeCapacity, Instant createdAt,
        String ttlAttribute) {

    public TableDefinition {
        attributeTypes = Map.copyOf(attributeTypes);
        indexes = List.copyOf(indexes);
    }

    public Optional<IndexDefinition> index(String indexName) {
        return indexes.stream().filter(index -> index.name().equals(indexName)).findFirst();
    }

    public TableDefinition withTtlAttribute(String attribute) {
        return new TableDefinition(name, keySchema, attributeTypes, indexes, billingMode, readCapacity, writeCapacity,
                createdAt, attribute);
    }

    public TableDefinition withIndexes(List<IndexDefinition> newIndexes, Map<String, String> newAttributeTypes) {
        return new TableDefinition(name, keySchema, newAttributeTypes, newIndexes, billingMode, readCapacity,
                writeCapacity, createdAt, ttlAttribute);
    }

    public String arn() {
        return "arn:aws:dynamodb:local:000000000000:table/" + name;
    }
}
