package dev.appointments.store.outcome;

/**
 * Whether a command was honoured.
 */
public enum OutcomeStatus {

    ACCEPTED, REJECTED

}
