package dev.appointments.dynamodb.expression;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.appointments.dynamodb.value.DynamoDbError;
import dev.appointments.dynamodb.value.Value;

/**
 * Names ({@code #n -> attr}) and values ({@code :v -> Value}) of one request; records
 * which were used so the request can refuse unused ones, as DynamoDB does once all
 * expressions of a request are parsed.
 */
public final class ExpressionContext {

    private static final Pattern NAME_KEY = Pattern.compile("#[A-Za-z0-9_]+");

    private static final Pattern VALUE_KEY = Pattern.compile(":[A-Za-z0-9_]+");

    private static final int MAX_KEY_BYTES = 255;

    private final Map<String, String> names;

    private final Map<String, Value> values;

    private final Set<String> usedNames = new HashSet<>();

    private final Set<String> usedValues = new HashSet<>();

    /**
     * Either map may be empty, never null; refuses placeholders DynamoDB refuses before
     * parsing any expression.
     */
    public ExpressionContext(Map<String, String> names, Map<String, Value> values) {
        this.names = Map.copyOf(Objects.requireNonNull(names, "names"));
        this.values = Map.copyOf(Objects.requireNonNull(values, "values"));
        this.names.forEach((key, name) -> {
            checkKey("ExpressionAttributeNames", key, NAME_KEY);
            if (name.isEmpty()) {
                throw DynamoDbError
                    .validation("ExpressionAttributeNames contains invalid value: Empty attribute name for key " + key);
            }
        });
        this.values.keySet().forEach(key -> checkKey("ExpressionAttributeValues", key, VALUE_KEY));
    }

    private static void checkKey(String parameter, String key, Pattern pattern) {
        if (!pattern.matcher(key).matches()) {
            throw DynamoDbError.validation(parameter + " contains invalid key: Syntax error; key: \"" + key + "\"");
        }
        int size = key.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_KEY_BYTES) {
            throw DynamoDbError.validation(parameter + " contains invalid key: The expression attribute map contains "
                    + "a key that is too long; size of key: " + size);
        }
    }

    /**
     * Refuses names or values the request defined but none of its expressions used.
     * Called after parsing all expressions of a request.
     */
    public void requireAllUsed() {
        var unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoDbError.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        var unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoDbError.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }

    /**
     * The attribute name a {@code #placeholder} stands for, or null when the request does
     * not define it.
     */
    String name(String placeholder) {
        String name = names.get(placeholder);
        if (name != null) {
            usedNames.add(placeholder);
        }
        return name;
    }

    /**
     * The value a {@code :placeholder} stands for, or null when the request does not
     * define it.
     */
    Value value(String placeholder) {
        Value value = values.get(placeholder);
        if (value != null) {
            usedValues.add(placeholder);
        }
        return value;
    }

}
