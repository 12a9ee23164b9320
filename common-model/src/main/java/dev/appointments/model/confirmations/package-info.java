/**
 * The messages on queue {@code appointment-confirmations}: lifecycle commands, booking
 * facts and hold timers.
 */
package dev.appointments.model.confirmations;
