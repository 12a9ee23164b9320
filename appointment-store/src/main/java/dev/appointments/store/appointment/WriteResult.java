package dev.appointments.store.appointment;

/**
 * What became of a conditional write of an appointment.
 */
public enum WriteResult {

    /** Written, with every lock and the outcome. */
    WRITTEN,

    /** A slot it needs is locked by another appointment: nothing was written. */
    SLOT_TAKEN,

    /** The appointment changed since it was read (status or version): nothing was written. */
    STALE,

    /** An outcome for the command's requestId exists already: the command ran before. Nothing was written. */
    ALREADY_RECORDED
}
