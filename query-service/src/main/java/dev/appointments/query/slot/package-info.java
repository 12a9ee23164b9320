/**
 * Free slots of a provider on a date, from the provider's rules and its busy times, held
 * briefly in memory.
 */
package dev.appointments.query.slot;
