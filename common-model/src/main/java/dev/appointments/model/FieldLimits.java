package dev.appointments.model;

/**
 * Length and range limits of the contract's fields, shared by the constraints on the
 * records and by the services that echo these limits in their own answers. The JSON
 * Schema under {@code schema/} states the same numbers.
 */
public final class FieldLimits {

    /** Longest first or last name. */
    public static final int NAME_MAX = 100;

    /** Longest e-mail address (RFC 5321 path limit). */
    public static final int EMAIL_MAX = 254;

    /**
     * Phone numbers in E.164 form: a plus sign and 7 to 15 digits, the first not zero.
     */
    public static final String PHONE_PATTERN = "\\+[1-9][0-9]{6,14}";

    /**
     * An e-mail shape: something, one at-sign, a domain with a dot, no spaces.
     * Deliverability is not checked.
     */
    public static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    /** Longest free-text note on a request. */
    public static final int NOTES_MAX = 1000;

    /** Longest free-text reason of a cancellation or decline. */
    public static final int REASON_MAX = 500;

    /** Shortest appointment, in minutes. */
    public static final int DURATION_MIN_MINUTES = 5;

    /** Longest appointment, in minutes (a working day). */
    public static final int DURATION_MAX_MINUTES = 480;

    private FieldLimits() {
    }

}
