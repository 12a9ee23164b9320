package dev.appointments.dynamodb.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.appointments.dynamodb.expression.ConditionExpression;
import dev.appointments.dynamodb.expression.ProjectionExpression;
import dev.appointments.dynamodb.expression.UpdateExpression;
import dev.appointments.dynamodb.storage.Database;
import dev.appointments.dynamodb.storage.PrimaryKey;
import dev.appointments.dynamodb.storage.Table;
import dev.appointments.dynamodb.value.AttributeJson;
import dev.appointments.dynamodb.value.DynamoDbError;
import dev.appointments.dynamodb.value.DynamoDbError.CancellationReason;
import dev.appointments.dynamodb.value.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * TransactWriteItems and TransactGetItems. A write transaction checks every condition
 * first and applies all of its actions or none, alone under the database's write lock; a
 * client request token makes a retried transaction succeed once.
 */
final class Transactions {

    private static final int MAX_ITEMS = 100;

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    private static final int MAX_TOKENS = 100_000;

    private final Database database;

    /**
     * Tokens of the last ten minutes, oldest first, bounded so a busy engine does not
     * hoard them.
     */
    private final java.util.LinkedHashMap<String, SeenToken> tokens = new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SeenToken> eldest) {
            return size() > MAX_TOKENS;
        }
    };

    Transactions(Database database) {
        this.database = database;
    }

    private record SeenToken(String fingerprint, Instant at) {
    }

    /**
     * One action of a write transaction, parsed and checked before anything is applied.
     */
    private record Action(String kind, Table table, PrimaryKey key, Optional<ConditionExpression> condition,
            Optional<UpdateExpression> update, Map<String, Value> item, boolean itemOnFailure) {
    }

    ObjectNode transactWriteItems(Request request) {
        JsonNode transactItems = items(request);
        String token = request.string("ClientRequestToken").orElse(null);
        String fingerprint = java.util.UUID
            .nameUUIDFromBytes(transactItems.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString();
        if (token != null && replayed(token, fingerprint)) {
            return JsonNodeFactory.instance.objectNode();
        }
        List<Action> actions = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (JsonNode transactItem : transactItems) {
            Action action = action(transactItem);
            if (!targets.add(action.table().definition().name() + '\u0000' + action.key())) {
                throw DynamoDbError.validation("Transaction request cannot include multiple operations on one item");
            }
            actions.add(action);
        }
        database.write(changes -> {
            List<CancellationReason> reasons = new ArrayList<>();
            List<Map<String, Value>> results = new ArrayList<>();
            boolean cancelled = false;
            for (Action action : actions) {
                Map<String, Value> current = action.table().get(action.key());
                if (action.condition().isPresent()
                        && !action.condition().get().test(current == null ? Map.of() : current)) {
                    reasons.add(new CancellationReason("ConditionalCheckFailed", "The conditional request failed",
                            action.itemOnFailure() ? current : null));
                    results.add(null);
                    cancelled = true;
                    continue;
                }
                try {
                    results.add(result(action, current));
                    reasons.add(CancellationReason.NONE);
                }
                catch (DynamoDbError ex) {
                    reasons.add(new CancellationReason("ValidationError", ex.getMessage(), null));
                    results.add(null);
                    cancelled = true;
                }
            }
            if (cancelled) {
                throw new DynamoDbError("TransactionCanceledException", 400,
                        "Transaction cancelled, please refer cancellation reasons for specific reasons "
                                + reasons.stream().map(CancellationReason::code).toList(),
                        reasons);
            }
            for (int i = 0; i < actions.size(); i++) {
                Action action = actions.get(i);
                switch (action.kind()) {
                    case "Put", "Update" -> changes.put(action.table(), action.key(), results.get(i));
                    case "Delete" -> changes.delete(action.table(), action.key());
                    default -> {
                    }
                }
            }
            if (token != null) {
                synchronized (tokens) {
                    tokens.put(token, new SeenToken(fingerprint, Instant.now()));
                }
            }
            return null;
        });
        return JsonNodeFactory.instance.objectNode();
    }

    ObjectNode transactGetItems(Request request) {
        JsonNode transactItems = items(request);
        record Get(Table table, PrimaryKey key, Optional<ProjectionExpression> projection) {
        }
        List<Get> gets = new ArrayList<>();
        for (JsonNode transactItem : transactItems) {
            Request get = new Request(transactItem.get("Get"));
            Table table = database.requireTable(get.requireString("TableName"));
            Optional<ProjectionExpression> projection = get.projection();
            get.requireExpressionsUsed(projection.isPresent());
            gets.add(new Get(table, Keys.key(table, get.item("Key")), projection));
        }
        List<Map<String, Value>> items = database
            .readAlone(() -> gets.stream().map(get -> get.table().get(get.key())).toList());
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode responses = response.putArray("Responses");
        for (int i = 0; i < gets.size(); i++) {
            ObjectNode entry = responses.addObject();
            Map<String, Value> item = items.get(i);
            if (item != null) {
                entry.set("Item",
                        AttributeJson.writeItem(gets.get(i).projection().map(p -> p.project(item)).orElse(item)));
            }
        }
        return response;
    }

    private Action action(JsonNode transactItem) {
        for (String kind : List.of("ConditionCheck", "Put", "Update", "Delete")) {
            if (transactItem.has(kind)) {
                Request part = new Request(transactItem.get(kind));
                Table table = database.requireTable(part.requireString("TableName"));
                Map<String, Value> item = kind.equals("Put") ? part.item("Item") : null;
                PrimaryKey key = item != null ? Keys.item(table, item) : Keys.key(table, part.item("Key"));
                Optional<UpdateExpression> update = kind.equals("Update")
                        ? Optional.of(part.update()
                            .orElseThrow(() -> DynamoDbError.validation("An Update action needs an UpdateExpression")))
                        : Optional.empty();
                Optional<ConditionExpression> condition = part.condition("ConditionExpression");
                if (kind.equals("ConditionCheck") && condition.isEmpty()) {
                    throw DynamoDbError.validation("A ConditionCheck action needs a ConditionExpression");
                }
                part.requireExpressionsUsed(update.isPresent() || condition.isPresent());
                update.ifPresent(expression -> ItemOperations.refuseKeyUpdates(table, expression));
                Map<String, Value> keyAttributes = kind.equals("Update") ? part.item("Key") : item;
                return new Action(kind, table, key, condition, update, keyAttributes,
                        ItemOperations.itemOnConditionFailure(part));
            }
        }
        throw DynamoDbError.validation("A transaction item must hold one of ConditionCheck, Put, Update or Delete");
    }

    private static Map<String, Value> result(Action action, Map<String, Value> current) {
        return switch (action.kind()) {
            case "Put" -> {
                Keys.checkItem(action.table(), action.item());
                yield action.item();
            }
            case "Update" -> {
                Map<String, Value> updated = ItemOperations.updated(current, action.item(), action.update());
                Keys.checkItem(action.table(), updated);
                yield updated;
            }
            default -> null;
        };
    }

    private boolean replayed(String token, String fingerprint) {
        Instant now = Instant.now();
        SeenToken seen;
        synchronized (tokens) {
            var oldest = tokens.values().iterator();
            while (oldest.hasNext() && oldest.next().at().plus(TOKEN_LIFETIME).isBefore(now)) {
                oldest.remove();
            }
            seen = tokens.get(token);
        }
        if (seen == null) {
            return false;
        }
        if (!seen.fingerprint().equals(fingerprint)) {
            throw new DynamoDbError("IdempotentParameterMismatchException", 400,
                    "The request uses the same client token as a previous, but non-identical request.");
        }
        return true;
    }

    private static JsonNode items(Request request) {
        JsonNode items = request.node().get("TransactItems");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw DynamoDbError.validation("1 validation error detected: Value null at 'transactItems' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        if (items.size() > MAX_ITEMS) {
            throw DynamoDbError.validation("1 validation error detected: Value '[...]' at 'transactItems' failed to "
                    + "satisfy constraint: Member must have length less than or equal to " + MAX_ITEMS);
        }
        return items;
    }

}
