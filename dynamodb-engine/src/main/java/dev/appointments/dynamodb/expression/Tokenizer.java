package dev.appointments.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens. Names start with a letter and go on with letters,
 * digits and underscores; placeholders are {@code #} or {@code :} followed by at least
 * one of those characters.
 */
final class Tokenizer {

    private final String text;

    private int position;

    private Tokenizer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        var tokenizer = new Tokenizer(text);
        var tokens = new ArrayList<Token>();
        Token token;
        do {
            token = tokenizer.next();
            tokens.add(token);
        }
        while (!token.is(Token.Kind.END));
        return tokens;
    }

    private Token next() {
        while (position < text.length() && isSpace(text.charAt(position))) {
            position++;
        }
        int start = position;
        if (position >= text.length()) {
            return new Token(Token.Kind.END, "", start, start);
        }
        char c = text.charAt(position);
        if (isLetter(c)) {
            return word(Token.Kind.IDENTIFIER, start, start + 1);
        }
        if (isDigit(c)) {
            while (position < text.length() && isDigit(text.charAt(position))) {
                position++;
            }
            return token(Token.Kind.NUMBER, start);
        }
        if ((c == '#' || c == ':') && start + 1 < text.length() && isWordPart(text.charAt(start + 1))) {
            return word(c == '#' ? Token.Kind.NAME_PLACEHOLDER : Token.Kind.VALUE_PLACEHOLDER, start, start + 1);
        }
        position++;
        return switch (c) {
            case '(' -> token(Token.Kind.LEFT_PAREN, start);
            case ')' -> token(Token.Kind.RIGHT_PAREN, start);
            case '[' -> token(Token.Kind.LEFT_BRACKET, start);
            case ']' -> token(Token.Kind.RIGHT_BRACKET, start);
            case ',' -> token(Token.Kind.COMMA, start);
            case '.' -> token(Token.Kind.DOT, start);
            case '=' -> token(Token.Kind.EQ, start);
            case '+' -> token(Token.Kind.PLUS, start);
            case '-' -> token(Token.Kind.MINUS, start);
            case '<' -> follows('=') ? token(Token.Kind.LE, start)
                    : follows('>') ? token(Token.Kind.NE, start) : token(Token.Kind.LT, start);
            case '>' -> follows('=') ? token(Token.Kind.GE, start) : token(Token.Kind.GT, start);
            default -> invalid(start);
        };
    }

    private Token word(Token.Kind kind, int start, int from) {
        position = from;
        while (position < text.length() && isWordPart(text.charAt(position))) {
            position++;
        }
        return token(kind, start);
    }

    private boolean follows(char expected) {
        if (position < text.length() && text.charAt(position) == expected) {
            position++;
            return true;
        }
        return false;
    }

    private Token invalid(int start) {
        if (Character.isHighSurrogate(text.charAt(start)) && position < text.length()) {
            position++;
        }
        return token(Token.Kind.INVALID, start);
    }

    private Token token(Token.Kind kind, int start) {
        return new Token(kind, text.substring(start, position), start, position);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordPart(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }

}
