package dev.appointments.dynamodb.expression;

import java.util.List;
import java.util.Set;

import dev.appointments.dynamodb.value.Value;
import dev.appointments.dynamodb.value.Values;

/**
 * Parses the condition grammar shared by condition, filter and key condition expressions.
 * Precedence, from the loosest: OR, AND, NOT, then comparisons, BETWEEN, IN and
 * functions; parentheses group.
 */
final class ConditionParser extends ExpressionParser {

    private static final Set<String> FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists", "attribute_type",
            "begins_with", "contains");

    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");

    private static final Set<String> TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private static final int MAX_IN_OPERANDS = 100;

    private static final int MAX_NESTING = 256;

    private int nesting;

    ConditionParser(String parameter, String text, ExpressionContext context) {
        super(parameter, text, context);
    }

    Condition parse() {
        Condition condition = or();
        expectEnd();
        return condition;
    }

    private Condition or() {
        Condition condition = and();
        while (acceptKeyword("OR")) {
            condition = new Condition.Or(condition, and());
        }
        return condition;
    }

    private Condition and() {
        Condition condition = not();
        while (acceptKeyword("AND")) {
            condition = new Condition.And(condition, not());
        }
        return condition;
    }

    private Condition not() {
        if (acceptKeyword("NOT")) {
            nest();
            Condition negated = new Condition.Not(not());
            nesting--;
            return negated;
        }
        return primary();
    }

    private Condition primary() {
        if (accept(Token.Kind.LEFT_PAREN)) {
            nest();
            Condition condition = or();
            expect(Token.Kind.RIGHT_PAREN);
            nesting--;
            return condition;
        }
        if (atFunction() && FUNCTIONS.contains(peek().text())) {
            String name = next().text();
            Condition condition = function(name, arguments(this::operand));
            if (atComparison()) {
                throw notAllowedThisWay(name);
            }
            return condition;
        }
        return comparison(operand());
    }

    // Deeply nested parentheses would otherwise exhaust the stack of a recursive-descent
    // parser.
    private void nest() {
        if (++nesting > MAX_NESTING) {
            throw error("The expression has too many nested levels; nesting levels: " + nesting);
        }
    }

    private boolean atComparison() {
        return operator(peek()) != null || peek().isKeyword("BETWEEN") || peek().isKeyword("IN");
    }

    private Condition comparison(Operand left) {
        ComparisonOperator operator = operator(peek());
        if (operator != null) {
            next();
            Operand right = operand();
            if (operator.ordering()) {
                requireOrderable(operator.symbol(), left);
                requireOrderable(operator.symbol(), right);
            }
            return new Condition.Compare(operator, left, right);
        }
        if (acceptKeyword("BETWEEN")) {
            Operand lower = operand();
            if (!acceptKeyword("AND")) {
                throw syntaxError();
            }
            return between(left, lower, operand());
        }
        if (acceptKeyword("IN")) {
            List<Operand> candidates = arguments(this::operand);
            if (candidates.size() + 1 > MAX_IN_OPERANDS) {
                throw error("The IN operator is provided with too many operands; number of operands: "
                        + (candidates.size() + 1));
            }
            return new Condition.In(left, List.copyOf(candidates));
        }
        if (left instanceof Operand.Size) {
            throw notAllowedThisWay("size");
        }
        throw syntaxError();
    }

    private Condition between(Operand operand, Operand lower, Operand upper) {
        requireOrderable("BETWEEN", operand);
        requireOrderable("BETWEEN", lower);
        requireOrderable("BETWEEN", upper);
        if (lower instanceof Operand.ValueOperand low && upper instanceof Operand.ValueOperand high) {
            String bounds = "lower bound operand: AttributeValue: " + describe(low.value())
                    + ", upper bound operand: AttributeValue: " + describe(high.value());
            if (!Values.comparable(low.value(), high.value())) {
                throw error("The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
            }
            if (Values.compare(low.value(), high.value()) > 0) {
                throw error("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                        + bounds);
            }
        }
        return new Condition.Between(operand, lower, upper);
    }

    private void requireOrderable(String operator, Operand operand) {
        if (operand instanceof Operand.ValueOperand value && !ComparisonOperator.orderable(value.value())) {
            throw incorrectOperandType(operator, value.value());
        }
    }

    private Operand operand() {
        if (peek().is(Token.Kind.VALUE_PLACEHOLDER)) {
            Token token = next();
            return new Operand.ValueOperand(token.text(), value(token));
        }
        if (atFunction()) {
            String name = next().text();
            if (name.equals("size")) {
                List<Operand> arguments = arguments(this::operand);
                requireOperands(name, arguments, 1);
                return new Operand.Size(arguments.getFirst());
            }
            if (FUNCTIONS.contains(name)) {
                throw notAllowedThisWay(name);
            }
            if (UPDATE_FUNCTIONS.contains(name)) {
                throw error("The function is not allowed in a condition expression; function: " + name);
            }
            throw invalidFunction(name);
        }
        return new Operand.PathOperand(path());
    }

    private Condition function(String name, List<Operand> arguments) {
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> {
                requireOperands(name, arguments, 1);
                if (!(arguments.getFirst() instanceof Operand.PathOperand operand)) {
                    throw requiresPath(name);
                }
                return new FunctionCondition.AttributeExists(operand.path(), name.equals("attribute_exists"));
            }
            case "attribute_type" -> {
                requireOperands(name, arguments, 2);
                return new FunctionCondition.AttributeType(arguments.getFirst(), type(arguments.get(1)));
            }
            case "begins_with" -> {
                requireOperands(name, arguments, 2);
                for (Operand argument : arguments) {
                    if (argument instanceof Operand.ValueOperand value
                            && !(value.value() instanceof Value.S || value.value() instanceof Value.B)) {
                        throw incorrectOperandType(name, value.value());
                    }
                }
                return new FunctionCondition.BeginsWith(arguments.getFirst(), arguments.get(1));
            }
            default -> {
                requireOperands(name, arguments, 2);
                if (arguments.getFirst() instanceof Operand.PathOperand first
                        && arguments.get(1) instanceof Operand.PathOperand second
                        && first.path().equals(second.path())) {
                    throw error("The first operand must be distinct from the remaining operands for this operator "
                            + "or function; operator: " + name + ", first operand: " + first.path());
                }
                return new FunctionCondition.Contains(arguments.getFirst(), arguments.get(1));
            }
        }
    }

    private String type(Operand operand) {
        if (!(operand instanceof Operand.ValueOperand value)) {
            throw error("Operator or function requires an expression attribute value; operator or function: "
                    + "attribute_type");
        }
        if (!(value.value() instanceof Value.S type)) {
            throw incorrectOperandType("attribute_type", value.value());
        }
        if (!TYPES.contains(type.value())) {
            throw error("Invalid attribute type name found; type: " + type.value()
                    + ", valid types: { B, NULL, SS, BOOL, L, BS, N, NS, S, M }");
        }
        return type.value();
    }

    private static ComparisonOperator operator(Token token) {
        return switch (token.kind()) {
            case EQ -> ComparisonOperator.EQ;
            case NE -> ComparisonOperator.NE;
            case LT -> ComparisonOperator.LT;
            case LE -> ComparisonOperator.LE;
            case GT -> ComparisonOperator.GT;
            case GE -> ComparisonOperator.GE;
            default -> null;
        };
    }

    private static String describe(Value value) {
        String text = switch (value) {
            case Value.S s -> s.value();
            case Value.B b -> b.value().base64();
            default -> value.toString();
        };
        return "{" + value.type() + ":" + text + "}";
    }

}
