/**
 * An appointment's lifecycle: its statuses and the moves allowed between them, the same
 * for every service and store.
 */
package dev.appointments.rules.lifecycle;
