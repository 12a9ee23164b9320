package dev.appointments.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a projection expression: comma-separated document paths that neither overlap nor
 * conflict.
 */
final class ProjectionParser extends ExpressionParser {

    ProjectionParser(String text, ExpressionContext context) {
        super("ProjectionExpression", text, context);
    }

    List<Path> parse() {
        var paths = new ArrayList<Path>();
        do {
            paths.add(path());
        }
        while (accept(Token.Kind.COMMA));
        expectEnd();
        String overlap = PathOverlaps.find(paths);
        if (overlap != null) {
            throw error(overlap);
        }
        return paths;
    }

}
