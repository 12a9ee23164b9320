package dev.appointments.dynamodb.expression;

import java.util.List;

/**
 * DynamoDB refuses an update or projection naming two paths where one contains the other
 * ({@code a} and {@code a.b}: they overlap) or that use one attribute both as a map and
 * as a list ({@code a.b} and {@code a[1]}: they conflict). The check is on the paths
 * alone, whatever the item holds.
 */
final class PathOverlaps {

    private PathOverlaps() {
    }

    /**
     * DynamoDB's message for the first overlapping or conflicting pair, or null when
     * there is none.
     */
    static String find(List<Path> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                String relation = relation(paths.get(i), paths.get(j));
                if (relation != null) {
                    return "Two document paths " + relation + " with each other; must remove or rewrite one of these "
                            + "paths; path one: " + paths.get(i) + ", path two: " + paths.get(j);
                }
            }
        }
        return null;
    }

    private static String relation(Path one, Path two) {
        int common = Math.min(one.elements().size(), two.elements().size());
        for (int k = 0; k < common; k++) {
            Path.Element a = one.elements().get(k);
            Path.Element b = two.elements().get(k);
            if (!a.equals(b)) {
                return a.getClass() == b.getClass() ? null : "conflict";
            }
        }
        return "overlap";
    }

}
