package dev.appointments.dynamodb.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import dev.appointments.dynamodb.value.AttributeJson;
import dev.appointments.dynamodb.value.Value;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the data in an H2 MVStore file: one map of table definitions and one map per
 * table of key to item (both as JSON). A commit writes the changed pages to the file;
 * once written, the data survives a crash of the process. One thread commits for every
 * waiting writer (group commit), so concurrent writes share the cost of a commit.
 */
final class MvStoreDurability implements Durability {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String TABLES = "tables";

    private static final String ITEMS_PREFIX = "items:";

    private final MVStore store;

    private final MVMap<String, String> tables;

    private final Object monitor = new Object();

    private long recorded;

    private long committed;

    private boolean committing;

    private MvStoreDurability(MVStore store) {
        this.store = store;
        this.tables = store.openMap(TABLES);
    }

    static MvStoreDurability open(Path directory) {
        try {
            Files.createDirectories(directory);
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException("Cannot create the data directory " + directory, ex);
        }
        MVStore store = new MVStore.Builder().fileName(directory.resolve("dynamodb.mv.db").toString())
            .autoCommitBufferSize(4096)
            .open();
        return new MvStoreDurability(store);
    }

    @Override
    public void putTable(TableDefinition definition) {
        tables.put(definition.name(), TableDefinitionJson.write(definition).toString());
        changed();
    }

    @Override
    public void removeTable(String tableName) {
        tables.remove(tableName);
        store.removeMap(ITEMS_PREFIX + tableName);
        changed();
    }

    @Override
    public void putItem(String tableName, PrimaryKey key, Map<String, Value> item) {
        items(tableName).put(keyText(key), AttributeJson.writeItem(item).toString().getBytes(StandardCharsets.UTF_8));
        changed();
    }

    @Override
    public void removeItem(String tableName, PrimaryKey key) {
        items(tableName).remove(keyText(key));
        changed();
    }

    @Override
    public void load(Consumer<TableDefinition> tableSink, BiConsumer<String, Map<String, Value>> itemSink) {
        for (var table : tables.entrySet()) {
            tableSink.accept(TableDefinitionJson.read(JSON.readTree(table.getValue())));
            var items = items(table.getKey());
            for (var item : items.entrySet()) {
                itemSink.accept(table.getKey(), AttributeJson.readItem(JSON.readTree(item.getValue())));
            }
        }
    }

    /** Called under the database's write lock, after each change. */
    private void changed() {
        synchronized (monitor) {
            recorded++;
        }
    }

    @Override
    public void awaitDurable() {
        long target;
        synchronized (monitor) {
            target = recorded;
        }
        while (true) {
            long covering;
            synchronized (monitor) {
                while (committed < target && committing) {
                    try {
                        monitor.wait();
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while waiting for a commit", ex);
                    }
                }
                if (committed >= target) {
                    return;
                }
                // This writer commits for everyone who recorded a change so far.
                committing = true;
                covering = recorded;
            }
            try {
                store.commit();
            }
            finally {
                synchronized (monitor) {
                    committing = false;
                    committed = Math.max(committed, covering);
                    monitor.notifyAll();
                }
            }
        }
    }

    private MVMap<String, byte[]> items(String tableName) {
        return store.openMap(ITEMS_PREFIX + tableName);
    }

    private static String keyText(PrimaryKey key) {
        StringBuilder text = new StringBuilder(AttributeJson.write(key.hash()).toString());
        if (key.range() != null) {
            text.append('\u0000').append(AttributeJson.write(key.range()));
        }
        return text.toString();
    }

    @Override
    public void close() {
        store.close();
    }

}
