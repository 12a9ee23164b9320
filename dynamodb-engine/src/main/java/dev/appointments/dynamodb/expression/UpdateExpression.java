package dev.appointments.dynamodb.expression;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.appointments.dynamodb.value.Numbers;
import dev.appointments.dynamodb.value.Value;

/**
 * A parsed update expression. Applying it reads every operand from the item as it was,
 * then sets, adds, deletes and finally removes, so list indexes always refer to the
 * positions in the original item.
 */
public final class UpdateExpression {

    private final List<UpdateAction> actions;

    private UpdateExpression(List<UpdateAction> actions) {
        this.actions = List.copyOf(actions);
    }

    /**
     * Parses an {@code UpdateExpression}; ValidationException on syntax errors, undefined
     * names or values, a section used twice, overlapping paths and operands of a type the
     * action refuses.
     */
    public static UpdateExpression parse(String text, ExpressionContext context) {
        return new UpdateExpression(new UpdateParser(text, context).parse());
    }

    /**
     * The item after the update; the input is left untouched. The item is empty when it
     * does not exist yet. ValidationException when a path runs into a missing or mistyped
     * parent, an operand has the wrong type or an operand reads a missing attribute.
     */
    public Map<String, Value> apply(Map<String, Value> item) {
        var result = new LinkedHashMap<>(item);
        var sets = actions.stream()
            .filter(UpdateAction.SetAction.class::isInstance)
            .map(UpdateAction.SetAction.class::cast)
            .map(set -> Map.entry(set.path(), set.value().evaluate(item)))
            // Indexes past the end of a list append in the order of their numbers, as the
            // guide documents.
            .sorted(Comparator.comparing(entry -> lastIndex(entry.getKey())))
            .toList();
        sets.forEach(set -> Documents.set(result, set.getKey(), set.getValue()));
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.AddAction add) {
                Value current = add.path().get(result);
                Documents.set(result, add.path(), current == null ? add.value() : add(current, add.value()));
            }
            else if (action instanceof UpdateAction.DeleteAction delete) {
                delete(result, delete);
            }
        }
        // DynamoDB silently ignores REMOVE on an item that does not exist, whatever the
        // path.
        if (!item.isEmpty()) {
            actions.stream()
                .filter(UpdateAction.RemoveAction.class::isInstance)
                .map(UpdateAction::path)
                .sorted(UpdateExpression::laterPositionsFirst)
                .forEach(path -> Documents.remove(result, path));
        }
        return result;
    }

    /**
     * The parts of the item at the paths this expression changes, as ReturnValues
     * UPDATED_OLD/NEW return them.
     */
    public Map<String, Value> updatedParts(Map<String, Value> item) {
        return ProjectionExpression.of(actions.stream().map(UpdateAction::path).toList()).project(item);
    }

    /** Top-level attribute names this expression sets, removes, adds or deletes. */
    public Set<String> topLevelAttributes() {
        return actions.stream()
            .map(action -> action.path().topLevelName())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Value add(Value current, Value addend) {
        if (current instanceof Value.N a && addend instanceof Value.N b) {
            return new Value.N(Numbers.checked(a.value().add(b.value())));
        }
        if (current instanceof Value.SS a && addend instanceof Value.SS b) {
            return new Value.SS(union(a.values(), b.values()));
        }
        if (current instanceof Value.NS a && addend instanceof Value.NS b) {
            return new Value.NS(union(a.values(), b.values()));
        }
        if (current instanceof Value.BS a && addend instanceof Value.BS b) {
            return new Value.BS(union(a.values(), b.values()));
        }
        throw SetValue.incorrectDataType();
    }

    private static void delete(Map<String, Value> item, UpdateAction.DeleteAction delete) {
        Value current = delete.path().get(item);
        if (current == null) {
            return;
        }
        Value remaining = switch (current) {
            case Value.SS a when delete.value() instanceof Value.SS b ->
                empty(a.values(), b.values()) ? null : new Value.SS(difference(a.values(), b.values()));
            case Value.NS a when delete.value() instanceof Value.NS b ->
                empty(a.values(), b.values()) ? null : new Value.NS(difference(a.values(), b.values()));
            case Value.BS a when delete.value() instanceof Value.BS b ->
                empty(a.values(), b.values()) ? null : new Value.BS(difference(a.values(), b.values()));
            default -> throw SetValue.incorrectDataType();
        };
        // A set cannot be empty: removing its last elements removes the attribute.
        if (remaining == null) {
            Documents.remove(item, delete.path());
        }
        else {
            Documents.set(item, delete.path(), remaining);
        }
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        var union = new LinkedHashSet<>(a);
        union.addAll(b);
        return union;
    }

    private static <T> Set<T> difference(Set<T> a, Set<T> b) {
        var difference = new LinkedHashSet<>(a);
        difference.removeAll(b);
        return difference;
    }

    private static <T> boolean empty(Set<T> a, Set<T> b) {
        return b.containsAll(a);
    }

    private static int lastIndex(Path path) {
        return path.last() instanceof Path.Index index ? index.index() : -1;
    }

    /**
     * Orders removals so that removing one list element never shifts another still to be
     * removed: higher indexes of a list first. Any other difference orders by name, which
     * keeps the order total.
     */
    private static int laterPositionsFirst(Path one, Path two) {
        int common = Math.min(one.elements().size(), two.elements().size());
        for (int k = 0; k < common; k++) {
            int order = switch (one.elements().get(k)) {
                case Path.Index i ->
                    two.elements().get(k) instanceof Path.Index j ? Integer.compare(j.index(), i.index()) : 1;
                case Path.Name a -> two.elements().get(k) instanceof Path.Name b ? a.name().compareTo(b.name()) : -1;
            };
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(one.elements().size(), two.elements().size());
    }

    @Override
    public String toString() {
        return actions.toString();
    }

}
