package dev.appointments.dynamodb.expression;

import java.util.List;
import java.util.Map;

import dev.appointments.dynamodb.value.Value;

/**
 * A document path: a top-level attribute name followed by map keys ({@code .b}) and list
 * indexes ({@code [2]}).
 */
record Path(List<Element> elements) {

    Path {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.getFirst() instanceof Name)) {
            throw new IllegalArgumentException("a path starts with an attribute name: " + elements);
        }
    }

    sealed interface Element {

    }

    record Name(String name) implements Element {
        @Override
        public String toString() {
            return name;
        }
    }

    record Index(int index) implements Element {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    static Path of(String topLevelName) {
        return new Path(List.of(new Name(topLevelName)));
    }

    String topLevelName() {
        return ((Name) elements.getFirst()).name();
    }

    boolean isTopLevel() {
        return elements.size() == 1;
    }

    Path parent() {
        return new Path(elements.subList(0, elements.size() - 1));
    }

    Element last() {
        return elements.getLast();
    }

    /**
     * The value at this path, or null when the item has nothing there (also when a parent
     * has another type).
     */
    Value get(Map<String, Value> item) {
        Value current = item.get(topLevelName());
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = child(current, elements.get(i));
        }
        return current;
    }

    static Value child(Value parent, Element element) {
        return switch (element) {
            case Name name -> parent instanceof Value.M map ? map.values().get(name.name()) : null;
            case Index index -> parent instanceof Value.L list && index.index() < list.values().size()
                    ? list.values().get(index.index()) : null;
        };
    }

    /** The path as DynamoDB's messages print it: {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        return elements.toString();
    }
}
