package dev.appointments.dynamodb.operations;

import java.util.ArrayList;
import java.util.List;

import dev.appointments.dynamodb.storage.IndexDefinition;
import dev.appointments.dynamodb.storage.KeySchema;
import dev.appointments.dynamodb.storage.Table;
import dev.appointments.dynamodb.storage.TableDefinition;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A table's description as DescribeTable, CreateTable and DeleteTable return it. */
final class TableDescriptions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TableDescriptions() {
    }

    static ObjectNode describe(Table table, String status) {
        TableDefinition definition = table.definition();
        ObjectNode node = NODES.objectNode();
        ArrayNode attributes = node.putArray("AttributeDefinitions");
        definition.attributeTypes().forEach((name, type) -> {
            ObjectNode attribute = attributes.addObject();
            attribute.put("AttributeName", name);
            attribute.put("AttributeType", type);
        });
        node.put("TableName", definition.name());
        node.set("KeySchema", keySchema(definition.keySchema()));
        node.put("TableStatus", status);
        node.put("CreationDateTime", definition.createdAt().toEpochMilli() / 1000.0);
        node.set("ProvisionedThroughput", throughput(definition));
        node.put("TableSizeBytes", table.sizeBytes());
        node.put("ItemCount", table.itemCount());
        node.put("TableArn", definition.arn());
        node.put("TableId", java.util.UUID.nameUUIDFromBytes(definition.arn().getBytes()).toString());
        if (definition.billingMode().equals("PAY_PER_REQUEST")) {
            ObjectNode billing = node.putObject("BillingModeSummary");
            billing.put("BillingMode", "PAY_PER_REQUEST");
            billing.put("LastUpdateToPayPerRequestDateTime", definition.createdAt().toEpochMilli() / 1000.0);
        }
        List<IndexDefinition> global = new ArrayList<>();
        List<IndexDefinition> local = new ArrayList<>();
        definition.indexes().forEach(index -> (index.local() ? local : global).add(index));
        if (!global.isEmpty()) {
            ArrayNode indexes = node.putArray("GlobalSecondaryIndexes");
            global.forEach(index -> indexes.add(index(table, index, true)));
        }
        if (!local.isEmpty()) {
            ArrayNode indexes = node.putArray("LocalSecondaryIndexes");
            local.forEach(index -> indexes.add(index(table, index, false)));
        }
        node.put("DeletionProtectionEnabled", false);
        return node;
    }

    private static ObjectNode index(Table table, IndexDefinition index, boolean global) {
        ObjectNode node = NODES.objectNode();
        node.put("IndexName", index.name());
        node.set("KeySchema", keySchema(index.keySchema()));
        ObjectNode projection = node.putObject("Projection");
        projection.put("ProjectionType", index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            ArrayNode nonKey = projection.putArray("NonKeyAttributes");
            index.nonKeyAttributes().forEach(nonKey::add);
        }
        if (global) {
            node.put("IndexStatus", "ACTIVE");
            node.set("ProvisionedThroughput", throughput(table.definition()));
        }
        var entries = table.index(index.name());
        node.put("IndexSizeBytes", 0);
        node.put("ItemCount", entries == null ? 0 : entries.count());
        node.put("IndexArn", table.definition().arn() + "/index/" + index.name());
        return node;
    }

    private static ArrayNode keySchema(KeySchema key) {
        ArrayNode elements = NODES.arrayNode();
        ObjectNode hash = elements.addObject();
        hash.put("AttributeName", key.hashName());
        hash.put("KeyType", "HASH");
        if (key.hasRange()) {
            ObjectNode range = elements.addObject();
            range.put("AttributeName", key.rangeName());
            range.put("KeyType", "RANGE");
        }
        return elements;
    }

    private static ObjectNode throughput(TableDefinition definition) {
        ObjectNode throughput = NODES.objectNode();
        throughput.put("NumberOfDecreasesToday", 0);
        throughput.put("ReadCapacityUnits", definition.readCapacity());
        throughput.put("WriteCapacityUnits", definition.writeCapacity());
        return throughput;
    }

}
