package dev.appointments.dynamodb.storage;

import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

import dev.appointments.dynamodb.value.Value;

/**
 * Entries grouped by partition key and ordered within a partition, as a table or an index
 * holds them. Readers need no lock; writers are serialised by the database.
 */
public final class Partitions<V> {

    private final ConcurrentSkipListMap<Value, ConcurrentSkipListMap<RangeEntry, V>> partitions = new ConcurrentSkipListMap<>(
            PrimaryKey::compareScalars);

    V get(Value hash, RangeEntry entry) {
        var partition = partitions.get(hash);
        return partition == null ? null : partition.get(entry);
    }

    void put(Value hash, RangeEntry entry, V value) {
        partitions.computeIfAbsent(hash, ignored -> new ConcurrentSkipListMap<>()).put(entry, value);
    }

    void remove(Value hash, RangeEntry entry) {
        var partition = partitions.get(hash);
        if (partition != null) {
            partition.remove(entry);
            if (partition.isEmpty()) {
                partitions.remove(hash);
            }
        }
    }

    /** One partition's entries in sort order; empty when the partition holds nothing. */
    public NavigableMap<RangeEntry, V> partition(Value hash) {
        NavigableMap<RangeEntry, V> partition = partitions.get(hash);
        return partition == null ? new ConcurrentSkipListMap<>() : partition;
    }

    /**
     * Every partition from the given one on (inclusive), or all when {@code fromHash} is
     * null.
     */
    public NavigableMap<Value, ? extends NavigableMap<RangeEntry, V>> partitionsFrom(Value fromHash) {
        return fromHash == null ? partitions : partitions.tailMap(fromHash, true);
    }

    public long count() {
        long count = 0;
        for (Map<RangeEntry, V> partition : partitions.values()) {
            count += partition.size();
        }
        return count;
    }

    void clear() {
        partitions.clear();
    }

}
