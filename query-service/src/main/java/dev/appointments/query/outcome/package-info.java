/**
 * The outcome of a command, by the producer's requestId: how producers learn what became
 * of what they sent.
 */
package dev.appointments.query.outcome;
