package dev.appointments.dynamodb.storage;

/**
 * A place within one partition: the sort key (of the table or index), then, in an index,
 * the table's key, which makes entries with equal index keys distinct and gives them a
 * stable order. A missing part sorts first, so an entry with only a sort key is a lower
 * bound for every entry with that sort key.
 */
public record RangeEntry(dev.appointments.dynamodb.value.Value range,
        PrimaryKey tableKey) implements Comparable<RangeEntry> {

    @Override
    public int compareTo(RangeEntry other) {
        int byRange = PrimaryKey.compareScalars(range, other.range);
        if (byRange != 0) {
            return byRange;
        }
        if (tableKey == other.tableKey) {
            return 0;
        }
        if (tableKey == null) {
            return -1;
        }
        if (other.tableKey == null) {
            return 1;
        }
        return tableKey.compareTo(other.tableKey);
    }
}
