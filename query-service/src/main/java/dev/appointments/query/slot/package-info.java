/**
 * Free slots of a provider on a date, from the provider's rules and the slot locks, held briefly in memory.
 */
package dev.appointments.query.slot;
