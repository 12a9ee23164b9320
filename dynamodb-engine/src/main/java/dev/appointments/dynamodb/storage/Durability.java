package dev.appointments.dynamodb.storage;

import java.util.Map;
import java.util.function.BiConsumer;

import dev.appointments.dynamodb.value.Value;

/**
 * Where the database's changes go to outlive the process. Changes are recorded under the
 * database's write lock; {@link #awaitDurable()} is called after the lock is released and
 * returns once everything recorded so far is safe from a crash of the process, so that
 * concurrent writers share one commit.
 */
interface Durability extends AutoCloseable {

    void putTable(TableDefinition definition);

    void removeTable(String tableName);

    void putItem(String tableName, PrimaryKey key, Map<String, Value> item);

    void removeItem(String tableName, PrimaryKey key);

    /** Blocks until every change recorded before this call is durable. */
    void awaitDurable();

    /** Replays what was stored: each table's definition, then its items. */
    void load(java.util.function.Consumer<TableDefinition> tables, BiConsumer<String, Map<String, Value>> items);

    @Override
    void close();

    /** Keeps nothing: the data lives as long as the process. */
    Durability NONE = new Durability() {
        @Override
        public void putTable(TableDefinition definition) {
        }

        @Override
        public void removeTable(String tableName) {
        }

        @Override
        public void putItem(String tableName, PrimaryKey key, Map<String, Value> item) {
        }

        @Override
        public void removeItem(String tableName, PrimaryKey key) {
        }

        @Override
        public void awaitDurable() {
        }

        @Override
        public void load(java.util.function.Consumer<TableDefinition> tables,
                BiConsumer<String, Map<String, Value>> items) {
        }

        @Override
        public void close() {
        }
    };

}
