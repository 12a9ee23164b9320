package dev.appointments.confirmation.lifecycle;

/**
 * Reason codes of rejected producer commands, recorded in their outcome.
 */
public final class ReasonCodes {

    /** A field breaks the contract; the outcome's message names each field. */
    public static final String INVALID = "INVALID";

    /** No appointment has the command's appointmentId. */
    public static final String UNKNOWN_APPOINTMENT = "UNKNOWN_APPOINTMENT";

    /** The appointment's status does not allow the move (confirming an expired one, completing a requested one). */
    public static final String ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION";

    /** The appointment changed under the command three times in a row. */
    public static final String CHANGED_CONCURRENTLY = "CHANGED_CONCURRENTLY";

    private ReasonCodes() {
    }
}
