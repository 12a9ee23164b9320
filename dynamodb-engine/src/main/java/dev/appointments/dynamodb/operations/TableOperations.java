package dev.appointments.dynamodb.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.appointments.dynamodb.storage.Database;
import dev.appointments.dynamodb.storage.IndexDefinition;
import dev.appointments.dynamodb.storage.KeySchema;
import dev.appointments.dynamodb.storage.Table;
import dev.appointments.dynamodb.storage.TableDefinition;
import dev.appointments.dynamodb.value.DynamoDbError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * CreateTable, UpdateTable, DeleteTable, DescribeTable, ListTables and the time-to-live
 * settings.
 */
final class TableOperations {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private static final Set<String> SCALAR_TYPES = Set.of("S", "N", "B");

    private static final int MAX_GLOBAL_INDEXES = 20;

    private final Database database;

    TableOperations(Database database) {
        this.database = database;
    }

    ObjectNode createTable(Request request) {
        String name = tableName(request.requireString("TableName"));
        Map<String, String> types = attributeTypes(request.node().get("AttributeDefinitions"));
        KeySchema key = keySchema(request.node().get("KeySchema"), types, "table");
        Set<String> used = new HashSet<>(List.of(key.hashName()));
        if (key.hasRange()) {
            used.add(key.rangeName());
        }
        List<IndexDefinition> indexes = new ArrayList<>();
        indexes.addAll(indexes(request.node().get("GlobalSecondaryIndexes"), types, used, false, key));
        indexes.addAll(indexes(request.node().get("LocalSecondaryIndexes"), types, used, true, key));
        if (!used.containsAll(types.keySet())) {
            throw DynamoDbError.validation("One or more parameter values were invalid: Some AttributeDefinitions are "
                    + "not used. AttributeDefinitions: " + types.keySet() + ", keys used: " + used);
        }
        String billingMode = request.string("BillingMode", "PROVISIONED");
        JsonNode throughput = request.node().get("ProvisionedThroughput");
        if (billingMode.equals("PROVISIONED") && (throughput == null || throughput.isNull())) {
            throw DynamoDbError.validation("One or more parameter values were invalid: ReadCapacityUnits and "
                    + "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        long read = throughput == null ? 0 : throughput.path("ReadCapacityUnits").asLong();
        long write = throughput == null ? 0 : throughput.path("WriteCapacityUnits").asLong();
        TableDefinition definition = new TableDefinition(name, key, types, indexes, billingMode, read, write,
                Instant.now(), null);
        Table table = database.write(changes -> changes.createTable(definition));
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("TableDescription", TableDescriptions.describe(table, "ACTIVE"));
        return response;
    }

    ObjectNode updateTable(Request request) {
        Table table = database.requireTable(request.requireString("TableName"));
        TableDefinition current = table.definition();
        Map<String, String> types = new LinkedHashMap<>(current.attributeTypes());
        types.putAll(attributeTypes(request.node().get("AttributeDefinitions")));
        List<IndexDefinition> indexes = new ArrayList<>(current.indexes());
        JsonNode updates = request.node().get("GlobalSecondaryIndexUpdates");
        if (updates != null && !updates.isNull()) {
            for (JsonNode update : updates) {
                if (update.has("Create")) {
                    Set<String> used = new HashSet<>();
                    List<IndexDefinition> created = indexes(
                            JsonNodeFactory.instance.arrayNode().add(update.get("Create")), types, used, false,
                            current.keySchema());
                    if (current.index(created.get(0).name()).isPresent()) {
                        throw DynamoDbError.validation("One or more parameter values were invalid: Index "
                                + created.get(0).name() + " already exists");
                    }
                    indexes.addAll(created);
                }
                else if (update.has("Delete")) {
                    String indexName = update.get("Delete").path("IndexName").asString();
                    if (!indexes.removeIf(index -> index.name().equals(indexName))) {
                        throw DynamoDbError
                            .resourceNotFound("Requested resource not found: Index: " + indexName + " not found");
                    }
                }
            }
        }
        TableDefinition definition = current.withIndexes(indexes, types);
        database.write(changes -> {
            changes.redefine(table, definition);
            return null;
        });
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("TableDescription", TableDescriptions.describe(table, "ACTIVE"));
        return response;
    }

    ObjectNode deleteTable(Request request) {
        Table table = database.requireTable(request.requireString("TableName"));
        ObjectNode description = TableDescriptions.describe(table, "DELETING");
        database.write(changes -> {
            changes.deleteTable(table.definition().name());
            return null;
        });
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("TableDescription", description);
        return response;
    }

    ObjectNode describeTable(Request request) {
        Table table = database.requireTable(request.requireString("TableName"));
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("Table", TableDescriptions.describe(table, "ACTIVE"));
        return response;
    }

    ObjectNode listTables(Request request) {
        int limit = request.integer("Limit").orElse(100);
        if (limit < 1 || limit > 100) {
            throw DynamoDbError.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to "
                    + "satisfy constraint: Member must have value less than or equal to 100");
        }
        String after = request.string("ExclusiveStartTableName").orElse(null);
        List<String> names = database.tableNames()
            .stream()
            .filter(name -> after == null || name.compareTo(after) > 0)
            .toList();
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        var array = response.putArray("TableNames");
        names.stream().limit(limit).forEach(array::add);
        if (names.size() > limit) {
            response.put("LastEvaluatedTableName", names.get(limit - 1));
        }
        return response;
    }

    ObjectNode updateTimeToLive(Request request) {
        Table table = database.requireTable(request.requireString("TableName"));
        JsonNode specification = request.node().get("TimeToLiveSpecification");
        if (specification == null || !specification.has("AttributeName") || !specification.has("Enabled")) {
            throw DynamoDbError.validation("TimeToLiveSpecification must name an AttributeName and Enabled");
        }
        boolean enabled = specification.get("Enabled").asBoolean();
        String attribute = specification.get("AttributeName").asString();
        String current = table.definition().ttlAttribute();
        if (enabled && current != null) {
            throw DynamoDbError.validation("TimeToLive is already enabled");
        }
        if (!enabled && current == null) {
            throw DynamoDbError.validation("TimeToLive is already disabled");
        }
        database.write(changes -> {
            changes.redefine(table, table.definition().withTtlAttribute(enabled ? attribute : null));
            return null;
        });
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ObjectNode echoed = response.putObject("TimeToLiveSpecification");
        echoed.put("AttributeName", attribute);
        echoed.put("Enabled", enabled);
        return response;
    }

    ObjectNode describeTimeToLive(Request request) {
        Table table = database.requireTable(request.requireString("TableName"));
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ObjectNode description = response.putObject("TimeToLiveDescription");
        String attribute = table.definition().ttlAttribute();
        description.put("TimeToLiveStatus", attribute == null ? "DISABLED" : "ENABLED");
        if (attribute != null) {
            description.put("AttributeName", attribute);
        }
        return response;
    }

    private static String tableName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw DynamoDbError.validation("1 validation error detected: Value '" + name + "' at 'tableName' failed "
                    + "to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    private static Map<String, String> attributeTypes(JsonNode definitions) {
        Map<String, String> types = new LinkedHashMap<>();
        if (definitions == null || definitions.isNull()) {
            return types;
        }
        for (JsonNode definition : definitions) {
            String type = definition.path("AttributeType").asString();
            if (!SCALAR_TYPES.contains(type)) {
                throw DynamoDbError.validation("1 validation error detected: Value '" + type + "' at "
                        + "'attributeDefinitions.member.attributeType' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [B, N, S]");
            }
            types.put(definition.path("AttributeName").asString(), type);
        }
        return types;
    }

    private static KeySchema keySchema(JsonNode elements, Map<String, String> types, String owner) {
        if (elements == null || !elements.isArray() || elements.isEmpty() || elements.size() > 2) {
            throw DynamoDbError.validation("1 validation error detected: Value null at 'keySchema' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 2 and at least 1");
        }
        String hash = null;
        String range = null;
        for (JsonNode element : elements) {
            String name = element.path("AttributeName").asString();
            switch (element.path("KeyType").asString()) {
                case "HASH" -> hash = name;
                case "RANGE" -> range = name;
                default -> throw DynamoDbError.validation("Invalid KeyType in the " + owner + " key schema");
            }
        }
        if (hash == null || (elements.size() == 2 && range == null)) {
            throw DynamoDbError.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        for (String name : new String[] { hash, range }) {
            if (name != null && !types.containsKey(name)) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Some index key attributes "
                        + "are not defined in AttributeDefinitions. Keys: [" + name + "], AttributeDefinitions: "
                        + types.keySet());
            }
        }
        return new KeySchema(hash, types.get(hash), range, range == null ? null : types.get(range));
    }

    private static List<IndexDefinition> indexes(JsonNode nodes, Map<String, String> types, Set<String> used,
            boolean local, KeySchema tableKey) {
        List<IndexDefinition> indexes = new ArrayList<>();
        if (nodes == null || nodes.isNull()) {
            return indexes;
        }
        if (!local && nodes.size() > MAX_GLOBAL_INDEXES) {
            throw DynamoDbError.validation("One or more parameter values were invalid: GlobalSecondaryIndex count "
                    + "exceeds the per-table limit of " + MAX_GLOBAL_INDEXES);
        }
        Set<String> names = new HashSet<>();
        for (JsonNode node : nodes) {
            String name = node.path("IndexName").asString();
            if (!names.add(name)) {
                throw DynamoDbError
                    .validation("One or more parameter values were invalid: Duplicate index name: " + name);
            }
            KeySchema key = keySchema(node.get("KeySchema"), types, "index");
            if (local && !key.hashName().equals(tableKey.hashName())) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Index KeySchema does not "
                        + "have the same leading hash key as table KeySchema for index: " + name);
            }
            used.add(key.hashName());
            if (key.hasRange()) {
                used.add(key.rangeName());
            }
            JsonNode projection = node.path("Projection");
            String projectionType = projection.path("ProjectionType").asString("ALL");
            List<String> nonKey = new ArrayList<>();
            projection.path("NonKeyAttributes").forEach(attribute -> nonKey.add(attribute.asString()));
            indexes
                .add(new IndexDefinition(name, key, projectionType.isEmpty() ? "ALL" : projectionType, nonKey, local));
        }
        return indexes;
    }

}
