package dev.appointments.dynamodb.expression;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.appointments.dynamodb.value.Value;

/**
 * Parses an update expression: SET, REMOVE, ADD and DELETE sections in any order, each at
 * most once, each a comma-separated list of actions. The paths the actions write may
 * neither overlap nor conflict.
 */
final class UpdateParser extends ExpressionParser {

    private static final List<String> SECTIONS = List.of("SET", "REMOVE", "ADD", "DELETE");

    private static final Set<String> CONDITION_FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists",
            "attribute_type", "begins_with", "contains", "size");

    UpdateParser(String text, ExpressionContext context) {
        super("UpdateExpression", text, context);
    }

    List<UpdateAction> parse() {
        var actions = new ArrayList<UpdateAction>();
        var sections = new HashSet<String>();
        while (!peek().is(Token.Kind.END)) {
            String section = peek().is(Token.Kind.IDENTIFIER) ? peek().text().toUpperCase(Locale.ROOT) : "";
            if (!SECTIONS.contains(section)) {
                throw syntaxError();
            }
            next();
            if (!sections.add(section)) {
                throw error("The \"" + section + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(action(section));
            }
            while (accept(Token.Kind.COMMA));
        }
        String overlap = PathOverlaps.find(actions.stream().map(UpdateAction::path).toList());
        if (overlap != null) {
            throw error(overlap);
        }
        return actions;
    }

    private UpdateAction action(String section) {
        Path path = path();
        return switch (section) {
            case "SET" -> {
                expect(Token.Kind.EQ);
                yield new UpdateAction.SetAction(path, setValue());
            }
            case "REMOVE" -> new UpdateAction.RemoveAction(path);
            case "ADD" -> {
                Value value = operandValue();
                if (!(value instanceof Value.N || isSet(value))) {
                    throw operandType(section, value);
                }
                yield new UpdateAction.AddAction(path, value);
            }
            default -> {
                Value value = operandValue();
                if (!isSet(value)) {
                    throw operandType(section, value);
                }
                yield new UpdateAction.DeleteAction(path, value);
            }
        };
    }

    private Value operandValue() {
        return value(expect(Token.Kind.VALUE_PLACEHOLDER));
    }

    private SetValue setValue() {
        SetValue left = setOperand();
        if (peek().is(Token.Kind.PLUS) || peek().is(Token.Kind.MINUS)) {
            String operator = next().text();
            SetValue right = setOperand();
            requireNumber(operator, left);
            requireNumber(operator, right);
            return new SetValue.Arithmetic(left, operator.equals("+"), right);
        }
        return left;
    }

    private void requireNumber(String operator, SetValue operand) {
        if (operand instanceof SetValue.Literal literal && !(literal.value() instanceof Value.N)) {
            throw incorrectOperandType(operator, literal.value());
        }
    }

    private SetValue setOperand() {
        if (peek().is(Token.Kind.VALUE_PLACEHOLDER)) {
            Token token = next();
            return new SetValue.Literal(token.text(), value(token));
        }
        if (atFunction()) {
            return function(next().text());
        }
        return new SetValue.Read(path());
    }

    private SetValue function(String name) {
        switch (name) {
            case "if_not_exists" -> {
                List<SetValue> arguments = arguments(this::setOperand);
                requireOperands(name, arguments, 2);
                if (!(arguments.getFirst() instanceof SetValue.Read read)) {
                    throw requiresPath(name);
                }
                return new SetValue.IfNotExists(read.path(), arguments.get(1));
            }
            case "list_append" -> {
                List<SetValue> arguments = arguments(this::setOperand);
                requireOperands(name, arguments, 2);
                for (SetValue argument : arguments) {
                    if (argument instanceof SetValue.ListAppend) {
                        throw notAllowedThisWay(name);
                    }
                    if (argument instanceof SetValue.Literal literal && !(literal.value() instanceof Value.L)) {
                        throw incorrectOperandType(name, literal.value());
                    }
                }
                return new SetValue.ListAppend(arguments.getFirst(), arguments.get(1));
            }
            default -> {
                if (CONDITION_FUNCTIONS.contains(name)) {
                    throw error("The function is not allowed in an update expression; function: " + name);
                }
                throw invalidFunction(name);
            }
        }
    }

    private static boolean isSet(Value value) {
        return value instanceof Value.SS || value instanceof Value.NS || value instanceof Value.BS;
    }

    private RuntimeException operandType(String section, Value value) {
        return error("Incorrect operand type for operator or function; operator: " + section + ", operand type: "
                + switch (value) {
                    case Value.S ignored -> "STRING";
                    case Value.N ignored -> "NUMBER";
                    case Value.B ignored -> "BINARY";
                    case Value.Bool ignored -> "BOOLEAN";
                    case Value.Null ignored -> "NULL";
                    case Value.L ignored -> "LIST";
                    case Value.M ignored -> "MAP";
                    case Value.SS ignored -> "STRING_SET";
                    case Value.NS ignored -> "NUMBER_SET";
                    case Value.BS ignored -> "BINARY_SET";
                });
    }

}
