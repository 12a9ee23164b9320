package dev.appointments.dynamodb.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.appointments.dynamodb.expression.ConditionExpression;
import dev.appointments.dynamodb.expression.ProjectionExpression;
import dev.appointments.dynamodb.expression.UpdateExpression;
import dev.appointments.dynamodb.storage.Database;
import dev.appointments.dynamodb.storage.Database.Changes;
import dev.appointments.dynamodb.storage.PrimaryKey;
import dev.appointments.dynamodb.storage.Table;
import dev.appointments.dynamodb.value.AttributeJson;
import dev.appointments.dynamodb.value.DynamoDbError;
import dev.appointments.dynamodb.value.Value;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** PutItem, GetItem, UpdateItem and DeleteItem. */
final class ItemOperations {

    private final Database database;

    ItemOperations(Database database) {
        this.database = database;
    }

    ObjectNode putItem(Request request) {
        Table table = database.requireTable(request.requireString("TableName"));
        Map<String, Value> item = request.item("Item");
        PrimaryKey key = Keys.item(table, item);
        return replaceOrDelete(request, table, key, changes -> changes.put(table, key, item));
    }

    ObjectNode getItem(Request request) {
        Table table = database.requireTable(request.requireString("TableName"));
        PrimaryKey key = Keys.key(table, request.item("Key"));
        Optional<ProjectionExpression> projection = request.projection();
        request.requireExpressionsUsed(projection.isPresent());
        Map<String, Value> item = table.get(key);
        ObjectNode response = response(table, request, null);
        if (item != null) {
            response.set("Item", AttributeJson.writeItem(projection.map(p -> p.project(item)).orElse(item)));
        }
        return response;
    }

    ObjectNode updateItem(Request request) {
        Table table = database.requireTable(request.requireString("TableName"));
        Map<String, Value> keyAttributes = request.item("Key");
        PrimaryKey key = Keys.key(table, keyAttributes);
        Optional<UpdateExpression> update = request.update();
        Optional<ConditionExpression> condition = request.condition("ConditionExpression");
        request.requireExpressionsUsed(update.isPresent() || condition.isPresent());
        update.ifPresent(expression -> refuseKeyUpdates(table, expression));
        String returnValues = returnValues(request, Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
        boolean itemOnFailure = itemOnConditionFailure(request);
        Map<String, Value>[] result = database.write(changes -> {
            Map<String, Value> current = table.get(key);
            check(condition, current, itemOnFailure);
            Map<String, Value> updated = updated(current, keyAttributes, update);
            Keys.checkItem(table, updated);
            changes.put(table, key, updated);
            @SuppressWarnings("unchecked")
            Map<String, Value>[] pair = new Map[] { current, updated };
            return pair;
        });
        Map<String, Value> attributes = switch (returnValues) {
            case "ALL_OLD" -> result[0];
            case "ALL_NEW" -> result[1];
            case "UPDATED_OLD" ->
                result[0] == null ? null : update.map(expression -> expression.updatedParts(result[0])).orElse(null);
            case "UPDATED_NEW" -> update.map(expression -> expression.updatedParts(result[1])).orElse(null);
            default -> null;
        };
        return response(table, request, attributes);
    }

    ObjectNode deleteItem(Request request) {
        Table table = database.requireTable(request.requireString("TableName"));
        PrimaryKey key = Keys.key(table, request.item("Key"));
        return replaceOrDelete(request, table, key, changes -> changes.delete(table, key));
    }

    /**
     * A PutItem or DeleteItem: under its condition, {@code change} replaces or removes
     * the item at {@code key}; the old item comes back when asked for
     * ({@code ReturnValues: ALL_OLD}).
     */
    private ObjectNode replaceOrDelete(Request request, Table table, PrimaryKey key, Consumer<Changes> change) {
        Optional<ConditionExpression> condition = request.condition("ConditionExpression");
        request.requireExpressionsUsed(condition.isPresent());
        String returnValues = returnValues(request, Set.of("NONE", "ALL_OLD"));
        boolean itemOnFailure = itemOnConditionFailure(request);
        Map<String, Value> old = database.write(changes -> {
            Map<String, Value> current = table.get(key);
            check(condition, current, itemOnFailure);
            change.accept(changes);
            return current;
        });
        return response(table, request, "ALL_OLD".equals(returnValues) ? old : null);
    }

    /**
     * The item after an update: the expression applies to the stored item (or none), and
     * the key stays.
     */
    static Map<String, Value> updated(Map<String, Value> current, Map<String, Value> key,
            Optional<UpdateExpression> update) {
        Map<String, Value> base = current != null ? current : Map.of();
        Map<String, Value> result = update.map(expression -> expression.apply(base)).orElse(base);
        if (current != null) {
            return result;
        }
        Map<String, Value> created = new LinkedHashMap<>(key);
        created.putAll(result);
        return created;
    }

    static void check(Optional<ConditionExpression> condition, Map<String, Value> current, boolean itemOnFailure) {
        if (condition.isPresent() && !condition.get().test(current == null ? Map.of() : current)) {
            throw DynamoDbError.conditionalCheckFailed(itemOnFailure ? current : null);
        }
    }

    static void refuseKeyUpdates(Table table, UpdateExpression update) {
        for (String attribute : update.topLevelAttributes()) {
            if (table.definition().keySchema().isKeyAttribute(attribute)) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Cannot update attribute "
                        + attribute + ". This attribute is part of the key");
            }
        }
    }

    static boolean itemOnConditionFailure(Request request) {
        String value = request.string("ReturnValuesOnConditionCheckFailure", "NONE");
        if (!value.equals("NONE") && !value.equals("ALL_OLD")) {
            throw DynamoDbError.validation("1 validation error detected: Value '" + value + "' at "
                    + "'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum "
                    + "value set: [ALL_OLD, NONE]");
        }
        return value.equals("ALL_OLD");
    }

    private static String returnValues(Request request, Set<String> allowed) {
        String value = request.string("ReturnValues", "NONE");
        if (!allowed.contains(value)) {
            throw DynamoDbError.validation("Return values set to invalid value");
        }
        return value;
    }

    private static ObjectNode response(Table table, Request request, Map<String, Value> attributes) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        if (attributes != null && !attributes.isEmpty()) {
            response.set("Attributes", AttributeJson.writeItem(attributes));
        }
        ConsumedCapacity.add(response, request, table.definition().name(), 1);
        return response;
    }

}
