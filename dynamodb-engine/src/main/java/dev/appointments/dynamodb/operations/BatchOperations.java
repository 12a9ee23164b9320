package dev.appointments.dynamodb.operations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.appointments.dynamodb.expression.ProjectionExpression;
import dev.appointments.dynamodb.storage.Database;
import dev.appointments.dynamodb.storage.PrimaryKey;
import dev.appointments.dynamodb.storage.Table;
import dev.appointments.dynamodb.value.AttributeJson;
import dev.appointments.dynamodb.value.DynamoDbError;
import dev.appointments.dynamodb.value.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * BatchGetItem and BatchWriteItem: every item is processed, so nothing is ever left
 * unprocessed.
 */
final class BatchOperations {

    private static final int MAX_GET_KEYS = 100;

    private static final int MAX_WRITES = 25;

    private final Database database;

    BatchOperations(Database database) {
        this.database = database;
    }

    ObjectNode batchGetItem(Request request) {
        JsonNode requestItems = requestItems(request);
        int keys = 0;
        for (var tableRequest : requestItems.properties()) {
            keys += tableRequest.getValue().path("Keys").size();
        }
        if (keys > MAX_GET_KEYS) {
            throw DynamoDbError.validation("Too many items requested for the BatchGetItem call");
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ObjectNode responses = response.putObject("Responses");
        for (var tableRequest : requestItems.properties()) {
            Table table = database.requireTable(tableRequest.getKey());
            Request part = new Request(tableRequest.getValue());
            Optional<ProjectionExpression> projection = part.projection();
            part.requireExpressionsUsed(projection.isPresent());
            ArrayNode items = responses.putArray(tableRequest.getKey());
            Set<PrimaryKey> seen = new HashSet<>();
            for (JsonNode keyNode : tableRequest.getValue().path("Keys")) {
                PrimaryKey key = Keys.key(table, AttributeJson.readItem(keyNode));
                if (!seen.add(key)) {
                    throw DynamoDbError.validation("Provided list of item keys contains duplicates");
                }
                Map<String, Value> item = table.get(key);
                if (item != null) {
                    items.add(AttributeJson.writeItem(projection.map(p -> p.project(item)).orElse(item)));
                }
            }
        }
        response.putObject("UnprocessedKeys");
        return response;
    }

    ObjectNode batchWriteItem(Request request) {
        JsonNode requestItems = requestItems(request);
        record Write(Table table, PrimaryKey key, Map<String, Value> item) {
        }
        List<Write> writes = new ArrayList<>();
        for (var tableRequest : requestItems.properties()) {
            Table table = database.requireTable(tableRequest.getKey());
            Set<PrimaryKey> seen = new HashSet<>();
            for (JsonNode write : tableRequest.getValue()) {
                Write parsed;
                if (write.has("PutRequest")) {
                    Map<String, Value> item = AttributeJson.readItem(write.get("PutRequest").get("Item"));
                    parsed = new Write(table, Keys.item(table, item), item);
                }
                else if (write.has("DeleteRequest")) {
                    parsed = new Write(table,
                            Keys.key(table, AttributeJson.readItem(write.get("DeleteRequest").get("Key"))), null);
                }
                else {
                    throw DynamoDbError.validation("A write request must hold a PutRequest or a DeleteRequest");
                }
                if (!seen.add(parsed.key())) {
                    throw DynamoDbError.validation("Provided list of item keys contains duplicates");
                }
                writes.add(parsed);
            }
        }
        if (writes.size() > MAX_WRITES) {
            throw DynamoDbError.validation("Too many items requested for the BatchWriteItem call");
        }
        database.write(changes -> {
            for (Write write : writes) {
                if (write.item() != null) {
                    changes.put(write.table(), write.key(), write.item());
                }
                else {
                    changes.delete(write.table(), write.key());
                }
            }
            return null;
        });
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putObject("UnprocessedItems");
        return response;
    }

    private static JsonNode requestItems(Request request) {
        JsonNode requestItems = request.node().get("RequestItems");
        if (requestItems == null || !requestItems.isObject() || requestItems.isEmpty()) {
            throw DynamoDbError.validation("1 validation error detected: Value at 'requestItems' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        return requestItems;
    }

}
