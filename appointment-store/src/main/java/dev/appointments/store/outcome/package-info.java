/**
 * The recorded outcome of every command, keyed by its requestId: what producers read
 * back, and what makes commands idempotent.
 */
package dev.appointments.store.outcome;
