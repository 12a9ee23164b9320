package dev.appointments.dynamodb.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.appointments.dynamodb.value.DynamoDbError;
import dev.appointments.dynamodb.value.Value;

/**
 * Writes into an item at a document path, rebuilding the nested maps and lists on the way
 * (values are immutable). Every parent on the path must exist with the type the path
 * expects.
 */
final class Documents {

    private Documents() {
    }

    static DynamoDbError invalidPath() {
        return DynamoDbError.validation("The document path provided in the update expression is invalid for update");
    }

    /** Sets the value at the path; an index past the end of a list appends. */
    static void set(Map<String, Value> item, Path path, Value value) {
        if (path.isTopLevel()) {
            item.put(path.topLevelName(), value);
            return;
        }
        item.put(path.topLevelName(), write(existing(item, path), path.elements(), 1, value));
    }

    /**
     * Removes the value at the path, if there is one; list elements after it shift down.
     */
    static void remove(Map<String, Value> item, Path path) {
        if (path.isTopLevel()) {
            item.remove(path.topLevelName());
            return;
        }
        item.put(path.topLevelName(), write(existing(item, path), path.elements(), 1, null));
    }

    private static Value existing(Map<String, Value> item, Path path) {
        Value top = item.get(path.topLevelName());
        if (top == null) {
            throw invalidPath();
        }
        return top;
    }

    /**
     * The container with the value at {@code elements[index..]} replaced, or removed when
     * value is null.
     */
    private static Value write(Value container, List<Path.Element> elements, int index, Value value) {
        boolean last = index == elements.size() - 1;
        return switch (elements.get(index)) {
            case Path.Name name -> {
                if (!(container instanceof Value.M map)) {
                    throw invalidPath();
                }
                var values = new LinkedHashMap<>(map.values());
                if (!last) {
                    values.put(name.name(), write(child(values.get(name.name())), elements, index + 1, value));
                }
                else if (value == null) {
                    values.remove(name.name());
                }
                else {
                    values.put(name.name(), value);
                }
                yield new Value.M(values);
            }
            case Path.Index position -> {
                if (!(container instanceof Value.L list)) {
                    throw invalidPath();
                }
                var values = new ArrayList<>(list.values());
                int at = position.index();
                if (!last) {
                    values.set(at,
                            write(child(at < values.size() ? values.get(at) : null), elements, index + 1, value));
                }
                else if (value == null) {
                    if (at < values.size()) {
                        values.remove(at);
                    }
                }
                else if (at < values.size()) {
                    values.set(at, value);
                }
                else {
                    values.add(value);
                }
                yield new Value.L(values);
            }
        };
    }

    private static Value child(Value value) {
        if (value == null) {
            throw invalidPath();
        }
        return value;
    }

}
