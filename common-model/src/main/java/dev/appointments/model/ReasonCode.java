package dev.appointments.model;

/**
 * Why a command was not honoured: the {@code reason} of a {@code REJECTED} outcome, part
 * of the producer contract (JSON Schema {@code common.schema.json#/$defs/ReasonCode}).
 * The booking rules are checked in the order they are listed here, from
 * {@link #INVALID_DURATION} to {@link #OUTSIDE_SCHEDULE}: the first that applies is the
 * answer.
 */
public enum ReasonCode {

    /**
     * A field breaks the contract, or the message could not be read at all; the message
     * names the fields.
     */
    INVALID,

    /** No provider has the command's providerId. */
    UNKNOWN_PROVIDER,

    /** No patient has the command's patientId. */
    UNKNOWN_PATIENT,

    /** No appointment has the command's appointmentId. */
    UNKNOWN_APPOINTMENT,

    /**
     * The duration is not a positive multiple of the provider's slot length, or longer
     * than a day.
     */
    INVALID_DURATION,

    /** The requested start is now or earlier. */
    IN_THE_PAST,

    /** The requested start is sooner than the provider's minimum notice. */
    TOO_SHORT_NOTICE,

    /** The requested start is later than the provider's maximum advance. */
    TOO_FAR_AHEAD,

    /**
     * The requested start time is not on the provider's slot grid (whole slots from
     * midnight).
     */
    MISALIGNED,

    /**
     * Some of the requested time falls outside the provider's hours: a closed day, a time
     * outside the weekly hours or the date's override, or a wall-clock time that a
     * daylight-saving change skips.
     */
    OUTSIDE_SCHEDULE,

    /** Another appointment (or its buffer) keeps some of the requested time. */
    SLOT_UNAVAILABLE,

    /** The appointment has begun, so it can no longer be moved or cancelled. */
    ALREADY_STARTED,

    /**
     * The appointment starts within the provider's cancellation notice, so it can no
     * longer be moved or cancelled.
     */
    INSIDE_CANCELLATION_NOTICE,

    /**
     * The appointment has not begun yet, so it cannot be completed or marked as a
     * no-show.
     */
    NOT_STARTED_YET,

    /**
     * The appointment's status does not allow the change (confirming an expired one,
     * moving a cancelled one).
     */
    ILLEGAL_TRANSITION,

    /**
     * The appointment changed under the command three times in a row; send it again with
     * a new requestId.
     */
    CHANGED_CONCURRENTLY,

    /** The requestId was used before for a different command, whose outcome stands. */
    DUPLICATE_REQUEST_ID

}
