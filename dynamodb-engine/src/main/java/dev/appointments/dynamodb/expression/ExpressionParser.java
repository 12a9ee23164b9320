package dev.appointments.dynamodb.expression;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import dev.appointments.dynamodb.value.DynamoDbError;
import dev.appointments.dynamodb.value.Value;

/**
 * What every expression parser shares: the token cursor, document paths with their
 * placeholders, function argument lists, the size limits and DynamoDB's error messages,
 * which name the request parameter being parsed.
 */
abstract class ExpressionParser {

    static final int MAX_EXPRESSION_BYTES = 4096;
    static final int MAX_PATH_DEPTH = 32;

    private final String parameter;

    private final String text;

    private final ExpressionContext context;

    private final List<Token> tokens;

    private int position;

    ExpressionParser(String parameter, String text, ExpressionContext context) {
        this.parameter = parameter;
        this.text = Objects.requireNonNull(text, parameter);
        this.context = Objects.requireNonNull(context, "context");
        if (text.isBlank()) {
            throw error("The expression can not be empty;");
        }
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_EXPRESSION_BYTES) {
            throw error("Expression size has exceeded the maximum allowed size; expression size: " + size);
        }
        this.tokens = Tokenizer.tokenize(text);
    }

    final Token peek() {
        return tokens.get(position);
    }

    final Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    final Token next() {
        Token token = tokens.get(position);
        if (!token.is(Token.Kind.END)) {
            position++;
        }
        return token;
    }

    final boolean accept(Token.Kind kind) {
        if (peek().is(kind)) {
            next();
            return true;
        }
        return false;
    }

    final boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            next();
            return true;
        }
        return false;
    }

    final Token expect(Token.Kind kind) {
        if (!peek().is(kind)) {
            throw syntaxError();
        }
        return next();
    }

    final void expectEnd() {
        expect(Token.Kind.END);
    }

    /** A ValidationException as DynamoDB words it for this expression parameter. */
    final DynamoDbError error(String message) {
        return DynamoDbError.validation("Invalid " + parameter + ": " + message);
    }

    /**
     * A syntax error at the current token, quoting the text from the token before it to
     * the token after it.
     */
    final DynamoDbError syntaxError() {
        Token token = peek();
        int start = position > 0 ? tokens.get(position - 1).start() : token.start();
        int end = position + 1 < tokens.size() ? tokens.get(position + 1).end() : text.length();
        return error("Syntax error; token: \"" + token.display() + "\", near: \"" + text.substring(start, end) + "\"");
    }

    final boolean atPath() {
        return peek().is(Token.Kind.IDENTIFIER) || peek().is(Token.Kind.NAME_PLACEHOLDER);
    }

    /**
     * True when the next tokens are {@code name(}: a function call rather than a path.
     */
    final boolean atFunction() {
        return peek().is(Token.Kind.IDENTIFIER) && peek(1).is(Token.Kind.LEFT_PAREN);
    }

    final Path path() {
        if (!atPath()) {
            throw syntaxError();
        }
        var elements = new ArrayList<Path.Element>();
        elements.add(new Path.Name(attributeName(next())));
        while (true) {
            if (accept(Token.Kind.DOT)) {
                if (!atPath()) {
                    throw syntaxError();
                }
                elements.add(new Path.Name(attributeName(next())));
            }
            else if (accept(Token.Kind.LEFT_BRACKET)) {
                elements.add(new Path.Index(listIndex()));
                expect(Token.Kind.RIGHT_BRACKET);
            }
            else {
                break;
            }
        }
        if (elements.size() > MAX_PATH_DEPTH) {
            throw error("The document path has too many nesting levels; nesting levels: " + elements.size());
        }
        return new Path(elements);
    }

    private int listIndex() {
        if (!peek().is(Token.Kind.NUMBER)) {
            throw syntaxError();
        }
        try {
            return Integer.parseInt(peek().text());
        }
        catch (NumberFormatException ex) {
            throw syntaxError();
        }
        finally {
            next();
        }
    }

    private String attributeName(Token token) {
        if (token.is(Token.Kind.NAME_PLACEHOLDER)) {
            String name = context.name(token.text());
            if (name == null) {
                throw error("An expression attribute name used in the document path is not defined; attribute name: "
                        + token.text());
            }
            return name;
        }
        if (ReservedWords.contains(token.text())) {
            throw error("Attribute name is a reserved keyword; reserved keyword: " + token.text());
        }
        return token.text();
    }

    /** The value a {@code :placeholder} token stands for. */
    final Value value(Token token) {
        Value value = context.value(token.text());
        if (value == null) {
            throw error("An expression attribute value used in expression is not defined; attribute value: "
                    + token.text());
        }
        return value;
    }

    /**
     * The parenthesised, comma-separated arguments of a function call whose name was just
     * read.
     */
    final <T> List<T> arguments(Supplier<T> argument) {
        expect(Token.Kind.LEFT_PAREN);
        var arguments = new ArrayList<T>();
        do {
            arguments.add(argument.get());
        }
        while (accept(Token.Kind.COMMA));
        expect(Token.Kind.RIGHT_PAREN);
        return arguments;
    }

    final void requireOperands(String function, List<?> arguments, int expected) {
        if (arguments.size() != expected) {
            throw error("Incorrect number of operands for operator or function; operator or function: " + function
                    + ", number of operands: " + arguments.size());
        }
    }

    final DynamoDbError incorrectOperandType(String function, Value value) {
        return error("Incorrect operand type for operator or function; operator or function: " + function
                + ", operand type: " + value.type());
    }

    final DynamoDbError requiresPath(String function) {
        return error("Operator or function requires a document path; operator or function: " + function);
    }

    final DynamoDbError notAllowedThisWay(String function) {
        return error("The function is not allowed to be used this way in an expression; function: " + function);
    }

    final DynamoDbError invalidFunction(String function) {
        return error("Invalid function name; function: " + function);
    }

}
