package dev.appointments.dynamodb.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.appointments.dynamodb.value.Value;

/**
 * A parsed projection expression. Projecting keeps the item's structure: {@code a.b[2]}
 * yields {@code {a: {b: [x]}}} with only the projected elements, in their original order;
 * paths the item lacks are left out.
 */
public final class ProjectionExpression {

    private final List<Path> paths;

    private ProjectionExpression(List<Path> paths) {
        this.paths = List.copyOf(paths);
    }

    /**
     * Parses a {@code ProjectionExpression}; ValidationException on syntax errors and
     * overlapping paths.
     */
    public static ProjectionExpression parse(String text, ExpressionContext context) {
        return new ProjectionExpression(new ProjectionParser(text, context).parse());
    }

    /** Projects onto paths that were parsed elsewhere (the paths an update changes). */
    static ProjectionExpression of(List<Path> paths) {
        return new ProjectionExpression(paths);
    }

    public Map<String, Value> project(Map<String, Value> item) {
        var root = new LinkedHashMap<String, Object>();
        for (Path path : paths) {
            Value value = path.get(item);
            if (value != null) {
                insert(root, path.elements(), value);
            }
        }
        var projected = new LinkedHashMap<String, Value>();
        root.forEach((name, node) -> projected.put(name, toValue(node)));
        return projected;
    }

    /**
     * Records the value under its path in a tree of maps (by name) and sorted maps (by
     * list index), so that several paths into one list keep the elements' order. Paths
     * never overlap, so a value is never replaced.
     */
    @SuppressWarnings("unchecked")
    private static void insert(Map<?, Object> root, List<Path.Element> elements, Value value) {
        Map<Object, Object> node = (Map<Object, Object>) root;
        for (int i = 0; i < elements.size(); i++) {
            Object key = key(elements.get(i));
            if (i == elements.size() - 1) {
                node.put(key, value);
            }
            else {
                boolean list = elements.get(i + 1) instanceof Path.Index;
                node = (Map<Object, Object>) node.computeIfAbsent(key,
                        ignored -> list ? new TreeMap<Integer, Object>() : new LinkedHashMap<String, Object>());
            }
        }
    }

    private static Object key(Path.Element element) {
        return switch (element) {
            case Path.Name name -> name.name();
            case Path.Index index -> index.index();
        };
    }

    private static Value toValue(Object node) {
        if (node instanceof Value value) {
            return value;
        }
        if (node instanceof TreeMap<?, ?> list) {
            var values = new ArrayList<Value>();
            list.values().forEach(element -> values.add(toValue(element)));
            return new Value.L(values);
        }
        var values = new LinkedHashMap<String, Value>();
        ((Map<?, ?>) node).forEach((name, child) -> values.put((String) name, toValue(child)));
        return new Value.M(values);
    }

    @Override
    public String toString() {
        return paths.toString();
    }

}
