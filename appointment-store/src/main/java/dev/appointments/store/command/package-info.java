/**
 * Command handling once for every service: a command's outcome keyed by its requestId,
 * redeliveries answered from it with the facts it stored, reused requestIds refused by
 * fingerprint, and attempts retried while the appointment changes under them.
 */
package dev.appointments.store.command;
