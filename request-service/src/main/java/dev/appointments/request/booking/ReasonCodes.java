package dev.appointments.request.booking;

/**
 * Reason codes of rejected commands that are not about the calendar arithmetic (those are
 * {@link dev.appointments.rules.RefusalReason}).
 */
public final class ReasonCodes {

    public static final String INVALID = "INVALID";
    public static final String UNKNOWN_PROVIDER = "UNKNOWN_PROVIDER";
    public static final String UNKNOWN_PATIENT = "UNKNOWN_PATIENT";
    public static final String UNKNOWN_APPOINTMENT = "UNKNOWN_APPOINTMENT";
    public static final String SLOT_UNAVAILABLE = "SLOT_UNAVAILABLE";
    public static final String ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION";
    public static final String DUPLICATE_REQUEST_ID = "DUPLICATE_REQUEST_ID";
    public static final String CHANGED_CONCURRENTLY = "CHANGED_CONCURRENTLY";

    private ReasonCodes() {
    }
}
