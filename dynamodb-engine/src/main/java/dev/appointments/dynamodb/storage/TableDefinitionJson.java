package dev.appointments.dynamodb.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A table's definition as stored in the data directory. */
final class TableDefinitionJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TableDefinitionJson() {
    }

    static ObjectNode write(TableDefinition definition) {
        ObjectNode node = NODES.objectNode();
        node.put("name", definition.name());
        node.set("key", writeKey(definition.keySchema()));
        ObjectNode types = node.putObject("attributeTypes");
        definition.attributeTypes().forEach(types::put);
        var indexes = node.putArray("indexes");
        for (IndexDefinition index : definition.indexes()) {
            ObjectNode indexNode = indexes.addObject();
            indexNode.put("name", index.name());
            indexNode.set("key", writeKey(index.keySchema()));
            indexNode.put("projectionType", index.projectionType());
            var nonKey = indexNode.putArray("nonKeyAttributes");
            index.nonKeyAttributes().forEach(nonKey::add);
            indexNode.put("local", index.local());
        }
        node.put("billingMode", definition.billingMode());
        node.put("readCapacity", definition.readCapacity());
        node.put("writeCapacity", definition.writeCapacity());
        node.put("createdAt", definition.createdAt().toString());
        if (definition.ttlAttribute() != null) {
            node.put("ttlAttribute", definition.ttlAttribute());
        }
        return node;
    }

    static TableDefinition read(JsonNode node) {
        Map<String, String> types = new LinkedHashMap<>();
        node.get("attributeTypes")
            .properties()
            .forEach(entry -> types.put(entry.getKey(), entry.getValue().stringValue()));
        List<IndexDefinition> indexes = new ArrayList<>();
        for (JsonNode index : node.get("indexes")) {
            List<String> nonKey = new ArrayList<>();
            index.get("nonKeyAttributes").forEach(attribute -> nonKey.add(attribute.stringValue()));
            indexes.add(new IndexDefinition(index.get("name").stringValue(), readKey(index.get("key")),
                    index.get("projectionType").stringValue(), nonKey, index.get("local").booleanValue()));
        }
        JsonNode ttl = node.get("ttlAttribute");
        return new TableDefinition(node.get("name").stringValue(), readKey(node.get("key")), types, indexes,
                node.get("billingMode").stringValue(), node.get("readCapacity").longValue(),
                node.get("writeCapacity").longValue(), Instant.parse(node.get("createdAt").stringValue()),
                ttl == null ? null : ttl.stringValue());
    }

    private static ObjectNode writeKey(KeySchema key) {
        ObjectNode node = NODES.objectNode();
        node.put("hashName", key.hashName());
        node.put("hashType", key.hashType());
        if (key.hasRange()) {
            node.put("rangeName", key.rangeName());
            node.put("rangeType", key.rangeType());
        }
        return node;
    }

    private static KeySchema readKey(JsonNode node) {
        JsonNode rangeName = node.get("rangeName");
        return new KeySchema(node.get("hashName").stringValue(), node.get("hashType").stringValue(),
                rangeName == null ? null : rangeName.stringValue(),
                rangeName == null ? null : node.get("rangeType").stringValue());
    }

}
