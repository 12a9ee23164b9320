package dev.appointments.dynamodb.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.appointments.dynamodb.expression.ConditionExpression;
import dev.appointments.dynamodb.expression.ExpressionContext;
import dev.appointments.dynamodb.expression.ProjectionExpression;
import dev.appointments.dynamodb.expression.UpdateExpression;
import dev.appointments.dynamodb.value.AttributeJson;
import dev.appointments.dynamodb.value.DynamoDbError;
import dev.appointments.dynamodb.value.Value;
import tools.jackson.databind.JsonNode;

/**
 * One request's parameters (or one part of a batch or transaction), with the expressions
 * it carries parsed against its own attribute names and values.
 */
final class Request {

    private static final List<String> LEGACY_PARAMETERS = List.of("Expected", "AttributesToGet", "KeyConditions",
            "QueryFilter", "ScanFilter", "AttributeUpdates", "ConditionalOperator");

    private final JsonNode node;

    private final ExpressionContext expressions;

    private final boolean hasExpressionParameters;

    Request(JsonNode node) {
        this.node = node == null || node.isNull() ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : node;
        for (String legacy : LEGACY_PARAMETERS) {
            if (this.node.has(legacy)) {
                throw DynamoDbError.validation(
                        "The legacy parameter " + legacy + " is not supported by this engine; use expressions instead");
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        JsonNode namesNode = this.node.get("ExpressionAttributeNames");
        if (namesNode != null && !namesNode.isNull()) {
            namesNode.properties().forEach(entry -> names.put(entry.getKey(), entry.getValue().stringValue()));
        }
        JsonNode valuesNode = this.node.get("ExpressionAttributeValues");
        Map<String, Value> values = new LinkedHashMap<>();
        if (valuesNode != null && !valuesNode.isNull()) {
            if (valuesNode.isEmpty()) {
                throw DynamoDbError.validation("ExpressionAttributeValues must not be empty");
            }
            values.putAll(AttributeJson.readItem(valuesNode));
        }
        if (namesNode != null && !namesNode.isNull() && namesNode.isEmpty()) {
            throw DynamoDbError.validation("ExpressionAttributeNames must not be empty");
        }
        this.hasExpressionParameters = !names.isEmpty() || !values.isEmpty();
        this.expressions = new ExpressionContext(names, values);
    }

    JsonNode node() {
        return node;
    }

    ExpressionContext expressions() {
        return expressions;
    }

    String requireString(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isString()) {
            throw DynamoDbError.validation("1 validation error detected: Value null at '" + lowerFirst(field)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value.stringValue();
    }

    Optional<String> string(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }

    String string(String field, String fallback) {
        return string(field).orElse(fallback);
    }

    boolean bool(String field) {
        JsonNode value = node.get(field);
        return value != null && value.asBoolean();
    }

    Optional<Integer> integer(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asInt());
    }

    Map<String, Value> item(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw DynamoDbError.validation("1 validation error detected: Value null at '" + lowerFirst(field)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return AttributeJson.readItem(value);
    }

    Optional<Map<String, Value>> optionalItem(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(AttributeJson.readItem(value));
    }

    Optional<ConditionExpression> condition(String field) {
        return string(field).map(text -> field.equals("FilterExpression")
                ? ConditionExpression.parseFilter(text, expressions) : ConditionExpression.parse(text, expressions));
    }

    Optional<UpdateExpression> update() {
        return string("UpdateExpression").map(text -> UpdateExpression.parse(text, expressions));
    }

    Optional<ProjectionExpression> projection() {
        return string("ProjectionExpression").map(text -> ProjectionExpression.parse(text, expressions));
    }

    /**
     * After every expression of the request is parsed: refuses names and values that none
     * of them used.
     */
    void requireExpressionsUsed(boolean anyExpression) {
        if (hasExpressionParameters && !anyExpression) {
            String which = node.has("ExpressionAttributeValues") ? "ExpressionAttributeValues"
                    : "ExpressionAttributeNames";
            throw DynamoDbError.validation(which + " can only be specified when using expressions");
        }
        expressions.requireAllUsed();
    }

    private static String lowerFirst(String field) {
        return Character.toLowerCase(field.charAt(0)) + field.substring(1);
    }

}
