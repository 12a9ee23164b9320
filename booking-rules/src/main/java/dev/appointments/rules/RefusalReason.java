package dev.appointments.rules;

/**
 * Why a requested slot cannot be booked, in the order the booking check tests them: the first that applies is the
 * answer. The names are the reason codes of recorded outcomes.
 */
public enum RefusalReason {

    /** The duration is not a positive multiple of the slot length, or longer than a day. */
    INVALID_DURATION,

    /** The appointment would start now or earlier. */
    IN_THE_PAST,

    /** The appointment would start sooner than the provider's minimum notice. */
    TOO_SHORT_NOTICE,

    /** The appointment would start later than the provider's maximum advance. */
    TOO_FAR_AHEAD,

    /** The start time is not on the slot grid (whole slots from midnight). */
    MISALIGNED,

    /**
     * Some of the appointment falls outside the day's hours: a closed day, a time outside the weekly hours or the
     * date's override, or a wall-clock time that a daylight-saving change skips.
     */
    OUTSIDE_SCHEDULE

}
