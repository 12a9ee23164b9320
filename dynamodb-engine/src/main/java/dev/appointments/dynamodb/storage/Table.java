package dev.appointments.dynamodb.storage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.appointments.dynamodb.value.Value;
import dev.appointments.dynamodb.value.Values;

/**
 * One table's items and its secondary indexes, in memory. Reads need no lock; writes come
 * through the {@link Database}, which serialises them and makes them durable.
 */
public final class Table {

    private volatile TableDefinition definition;

    private final Partitions<Map<String, Value>> items = new Partitions<>();

    private final Map<String, Partitions<PrimaryKey>> indexes = new ConcurrentHashMap<>();

    private final AtomicLong sizeBytes = new AtomicLong();

    Table(TableDefinition definition) {
        this.definition = definition;
        definition.indexes().forEach(index -> indexes.put(index.name(), new Partitions<>()));
    }

    public TableDefinition definition() {
        return definition;
    }

    void define(TableDefinition newDefinition) {
        this.definition = newDefinition;
        indexes.keySet().retainAll(newDefinition.indexes().stream().map(IndexDefinition::name).toList());
        for (IndexDefinition index : newDefinition.indexes()) {
            if (!indexes.containsKey(index.name())) {
                Partitions<PrimaryKey> entries = new Partitions<>();
                indexes.put(index.name(), entries);
                forEachItem((key, item) -> addToIndex(index, entries, key, item));
            }
        }
    }

    /** The item with this key, or null. */
    public Map<String, Value> get(PrimaryKey key) {
        return items.get(key.hash(), new RangeEntry(key.range(), null));
    }

    /**
     * The item's key under this table's schema; the item's key attributes are validated
     * already.
     */
    public PrimaryKey keyOf(Map<String, Value> item) {
        KeySchema schema = definition.keySchema();
        return new PrimaryKey(item.get(schema.hashName()), schema.hasRange() ? item.get(schema.rangeName()) : null);
    }

    public Partitions<Map<String, Value>> items() {
        return items;
    }

    public Partitions<PrimaryKey> index(String indexName) {
        return indexes.get(indexName);
    }

    public long itemCount() {
        return items.count();
    }

    public long sizeBytes() {
        return sizeBytes.get();
    }

    void put(PrimaryKey key, Map<String, Value> item) {
        Map<String, Value> old = get(key);
        if (old != null) {
            removeFromIndexes(key, old);
            sizeBytes.addAndGet(-Values.size(old));
        }
        items.put(key.hash(), new RangeEntry(key.range(), null), item);
        sizeBytes.addAndGet(Values.size(item));
        for (IndexDefinition index : definition.indexes()) {
            addToIndex(index, indexes.get(index.name()), key, item);
        }
    }

    void delete(PrimaryKey key) {
        Map<String, Value> old = get(key);
        if (old != null) {
            removeFromIndexes(key, old);
            items.remove(key.hash(), new RangeEntry(key.range(), null));
            sizeBytes.addAndGet(-Values.size(old));
        }
    }

    void forEachItem(java.util.function.BiConsumer<PrimaryKey, Map<String, Value>> action) {
        for (var partition : items.partitionsFrom(null).entrySet()) {
            for (var entry : partition.getValue().entrySet()) {
                action.accept(new PrimaryKey(partition.getKey(), entry.getKey().range()), entry.getValue());
            }
        }
    }

    private void removeFromIndexes(PrimaryKey key, Map<String, Value> old) {
        for (IndexDefinition index : definition.indexes()) {
            KeySchema schema = index.keySchema();
            Value hash = old.get(schema.hashName());
            if (hash != null) {
                Value range = schema.hasRange() ? old.get(schema.rangeName()) : null;
                indexes.get(index.name()).remove(hash, new RangeEntry(range, key));
            }
        }
    }

    /** Sparse: an item lacking any of the index's key attributes is not in the index. */
    private static void addToIndex(IndexDefinition index, Partitions<PrimaryKey> entries, PrimaryKey key,
            Map<String, Value> item) {
        KeySchema schema = index.keySchema();
        Value hash = item.get(schema.hashName());
        Value range = schema.hasRange() ? item.get(schema.rangeName()) : null;
        if (hash != null && (!schema.hasRange() || range != null)) {
            entries.put(hash, new RangeEntry(range, key), key);
        }
    }

}
