package dev.appointments.dynamodb.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes attribute values in the wire format of the DynamoDB JSON protocol
 * ({@code {"S": "text"}}, {@code {"N": "12.5"}}, {@code {"M": {...}}}, ...), refusing
 * malformed values the way DynamoDB does.
 */
public final class AttributeJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AttributeJson() {
    }

    /** An item or key: a JSON object of attribute name to attribute value. */
    /** DynamoDB's limit on documents: a top-level attribute is level 1. */
    private static final int MAX_NESTING = 32;

    public static Map<String, Value> readItem(JsonNode node) {
        return readItem(node, 1);
    }

    private static Map<String, Value> readItem(JsonNode node, int level) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw DynamoDbError.validation("An item must be a map of attribute names to values");
        }
        Map<String, Value> item = new LinkedHashMap<>();
        for (var entry : node.properties()) {
            item.put(entry.getKey(), read(entry.getValue(), level));
        }
        return item;
    }

    public static Value read(JsonNode node) {
        return read(node, 1);
    }

    private static Value read(JsonNode node, int level) {
        if (level > MAX_NESTING) {
            throw DynamoDbError.validation("Nesting Levels have exceeded supported limits");
        }
        if (node == null || !node.isObject() || node.size() != 1) {
            throw DynamoDbError.validation("Supplied AttributeValue has more than one datatypes set, must contain "
                    + "exactly one of the supported datatypes");
        }
        var entry = node.properties().iterator().next();
        String type = entry.getKey();
        JsonNode body = entry.getValue();
        return switch (type) {
            case "S" -> new Value.S(text(body, type));
            case "N" -> new Value.N(Numbers.parse(text(body, type)));
            case "B" -> new Value.B(bytes(body));
            case "BOOL" -> {
                if (!body.isBoolean()) {
                    throw malformed(type);
                }
                yield new Value.Bool(body.booleanValue());
            }
            case "NULL" -> {
                if (!body.isBoolean() || !body.booleanValue()) {
                    throw DynamoDbError.validation("One or more parameter values were invalid: Null attribute value "
                            + "types must have the value of true");
                }
                yield new Value.Null();
            }
            case "L" -> {
                List<Value> values = new ArrayList<>();
                array(body, type).forEach(element -> values.add(read(element, level + 1)));
                yield new Value.L(values);
            }
            case "M" -> {
                if (!body.isObject()) {
                    throw malformed(type);
                }
                yield new Value.M(readItem(body, level + 1));
            }
            case "SS" -> {
                Set<String> values = new LinkedHashSet<>();
                array(body, type).forEach(element -> addUnique(values, text(element, type)));
                yield new Value.SS(nonEmpty(values));
            }
            case "NS" -> {
                Set<BigDecimal> values = new LinkedHashSet<>();
                array(body, type).forEach(element -> addUnique(values, Numbers.parse(text(element, type))));
                yield new Value.NS(nonEmpty(values));
            }
            case "BS" -> {
                Set<Value.Bytes> values = new LinkedHashSet<>();
                array(body, type).forEach(element -> addUnique(values, bytes(element)));
                yield new Value.BS(nonEmpty(values));
            }
            default -> throw DynamoDbError.validation("Supplied AttributeValue has an unsupported datatype: " + type);
        };
    }

    public static ObjectNode writeItem(Map<String, Value> item) {
        ObjectNode node = NODES.objectNode();
        item.forEach((name, value) -> node.set(name, write(value)));
        return node;
    }

    public static ObjectNode write(Value value) {
        ObjectNode node = NODES.objectNode();
        switch (value) {
            case Value.S s -> node.put("S", s.value());
            case Value.N n -> node.put("N", Numbers.format(n.value()));
            case Value.B b -> node.put("B", b.value().base64());
            case Value.Bool bool -> node.put("BOOL", bool.value());
            case Value.Null ignored -> node.put("NULL", true);
            case Value.L l -> {
                ArrayNode array = node.putArray("L");
                l.values().forEach(element -> array.add(write(element)));
            }
            case Value.M m -> node.set("M", writeItem(m.values()));
            case Value.SS ss -> {
                ArrayNode array = node.putArray("SS");
                ss.values().forEach(array::add);
            }
            case Value.NS ns -> {
                ArrayNode array = node.putArray("NS");
                ns.values().forEach(number -> array.add(Numbers.format(number)));
            }
            case Value.BS bs -> {
                ArrayNode array = node.putArray("BS");
                bs.values().forEach(bytes -> array.add(bytes.base64()));
            }
        }
        return node;
    }

    private static <T> void addUnique(Set<T> values, T value) {
        if (!values.add(value)) {
            throw DynamoDbError
                .validation("One or more parameter values were invalid: Input collection contains " + "duplicates");
        }
    }

    private static <T> Set<T> nonEmpty(Set<T> values) {
        if (values.isEmpty()) {
            throw DynamoDbError
                .validation("One or more parameter values were invalid: An number set  may not be " + "empty");
        }
        return values;
    }

    private static String text(JsonNode node, String type) {
        if (node == null || !node.isString()) {
            throw malformed(type);
        }
        return node.stringValue();
    }

    private static Value.Bytes bytes(JsonNode node) {
        try {
            return Value.Bytes.ofBase64(text(node, "B"));
        }
        catch (IllegalArgumentException ex) {
            throw DynamoDbError.validation("Invalid Base64 binary value");
        }
    }

    private static JsonNode array(JsonNode node, String type) {
        if (node == null || !node.isArray()) {
            throw malformed(type);
        }
        return node;
    }

    private static DynamoDbError malformed(String type) {
        return DynamoDbError.validation("Supplied AttributeValue of type " + type + " is malformed");
    }

}
