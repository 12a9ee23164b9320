package dev.appointments.dynamodb.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.appointments.dynamodb.value.DynamoDbError;
import dev.appointments.dynamodb.value.Value;

/**
 * The tables of one engine. Every write, single-item or transaction, runs alone under one
 * lock, so writes are serializable with respect to each other; it is acknowledged only
 * once it is durable. Reads of single items and queries read the latest state without a
 * lock, as DynamoDB's reads do not take part in transactions; a transactional read takes
 * the lock to see no transaction half-applied.
 */
public final class Database implements AutoCloseable {

    private final Map<String, Table> tables = new ConcurrentHashMap<>();

    private final ReentrantLock writeLock = new ReentrantLock();

    private final Durability durability;

    private final Changes changes = new Changes();

    private Database(Durability durability) {
        this.durability = durability;
        durability.load(definition -> tables.put(definition.name(), new Table(definition)), (tableName, item) -> {
            Table table = tables.get(tableName);
            table.put(table.keyOf(item), item);
        });
    }

    /** A database that lives as long as the process. */
    public static Database inMemory() {
        return new Database(Durability.NONE);
    }

    /**
     * A database kept in the given directory, with whatever it held when it was last
     * closed or the process died.
     */
    public static Database open(Path directory) {
        return new Database(MvStoreDurability.open(directory));
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** The table, or the error DynamoDB answers for a table that does not exist. */
    public Table requireTable(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw DynamoDbError.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }

    public List<String> tableNames() {
        return tables.keySet().stream().sorted().toList();
    }

    /**
     * Runs a write alone, then waits until its changes are durable. A body that throws
     * changes nothing.
     */
    public <T> T write(Function<Changes, T> body) {
        T result;
        writeLock.lock();
        try {
            result = body.apply(changes);
        }
        finally {
            writeLock.unlock();
        }
        durability.awaitDurable();
        return result;
    }

    /** Runs a read that must not see a write half-applied. */
    public <T> T readAlone(Supplier<T> body) {
        writeLock.lock();
        try {
            return body.get();
        }
        finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            durability.close();
        }
        finally {
            writeLock.unlock();
        }
    }

    /** The changes a write may make; only usable inside {@link #write}. */
    public final class Changes {

        private Changes() {
        }

        public void put(Table table, PrimaryKey key, Map<String, Value> item) {
            table.put(key, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(item)));
            durability.putItem(table.definition().name(), key, item);
        }

        public void delete(Table table, PrimaryKey key) {
            if (table.get(key) != null) {
                table.delete(key);
                durability.removeItem(table.definition().name(), key);
            }
        }

        public Table createTable(TableDefinition definition) {
            if (tables.containsKey(definition.name())) {
                throw DynamoDbError.resourceInUse("Table already exists: " + definition.name());
            }
            Table table = new Table(definition);
            tables.put(definition.name(), table);
            durability.putTable(definition);
            return table;
        }

        public void redefine(Table table, TableDefinition definition) {
            table.define(definition);
            durability.putTable(definition);
        }

        public void deleteTable(String name) {
            requireTable(name);
            tables.remove(name);
            durability.removeTable(name);
        }

    }

}
