package dev.appointments.store.appointment;

/**
 * What became of a conditional write of an appointment.
 */
public enum WriteResult {

    /** Written, with the calendar's busy times and the outcome. */
    WRITTEN,

    /**
     * Another appointment (or its buffer) keeps some of the time it needs: nothing was
     * written.
     */
    SLOT_TAKEN,

    /**
     * The appointment changed since it was read (status or version): nothing was written.
     */
    STALE,

    /**
     * An outcome for the command's requestId exists already: the command ran before.
     * Nothing was written.
     */
    ALREADY_RECORDED,

    /** The patient the booking names does not exist: nothing was written. */
    UNKNOWN_PATIENT,

    /**
     * The provider's rules changed since the version the booking was checked against:
     * nothing was written.
     */
    PROVIDER_CHANGED

}
