package dev.appointments.dynamodb.expression;

/**
 * One lexical token of an expression and where it starts and ends in the expression text.
 */
record Token(Kind kind, String text, int start, int end) {

    enum Kind {

        IDENTIFIER, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, NUMBER, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET,
        COMMA, DOT, EQ, NE, LT, LE, GT, GE, PLUS, MINUS,
        /** A character no token starts with; the parser refuses it as a syntax error. */
        INVALID, END

    }

    boolean is(Kind expected) {
        return kind == expected;
    }

    /**
     * True for an identifier spelling the given keyword; keywords are case-insensitive,
     * names are not.
     */
    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    /** The token as DynamoDB's syntax errors quote it. */
    String display() {
        return kind == Kind.END ? "<EOF>" : text;
    }
}
