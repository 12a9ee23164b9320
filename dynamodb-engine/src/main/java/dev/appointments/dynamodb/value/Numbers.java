package dev.appointments.dynamodb.value;

import java.math.BigDecimal;

/**
 * DynamoDB's number rules: up to 38 significant digits, magnitudes from 1E-130 to below
 * 1E+126, exact decimal arithmetic, and the canonical text form a number is returned in.
 */
public final class Numbers {

    private static final int MAX_DIGITS = 38;

    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1E+126");

    private static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");

    private Numbers() {
    }

    /**
     * Parses a number as the wire protocol carries it, refusing what DynamoDB refuses.
     */
    public static BigDecimal parse(String text) {
        BigDecimal number;
        try {
            if (text == null || text.isBlank() || !text.strip().equals(text)) {
                throw new NumberFormatException();
            }
            number = new BigDecimal(text);
        }
        catch (NumberFormatException ex) {
            throw DynamoDbError.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        return checked(number);
    }

    /** Refuses numbers DynamoDB cannot store; returns the normalised number. */
    public static BigDecimal checked(BigDecimal number) {
        BigDecimal normalised = normalise(number);
        if (normalised.signum() != 0) {
            BigDecimal magnitude = normalised.abs();
            if (normalised.precision() > MAX_DIGITS) {
                throw DynamoDbError.validation("Attempting to store more than 38 significant digits in a Number");
            }
            if (magnitude.compareTo(MAX_MAGNITUDE) >= 0) {
                throw DynamoDbError.validation("Number overflow. Attempting to store a number with magnitude larger "
                        + "than supported range");
            }
            if (magnitude.compareTo(MIN_MAGNITUDE) < 0) {
                throw DynamoDbError.validation("Number underflow. Attempting to store a number with magnitude "
                        + "smaller than supported range");
            }
        }
        return normalised;
    }

    static BigDecimal normalise(BigDecimal number) {
        if (number.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return number.stripTrailingZeros();
    }

    /** The text DynamoDB returns for a number: plain notation, no trailing zeros. */
    public static String format(BigDecimal number) {
        return normalise(number).toPlainString();
    }

}
