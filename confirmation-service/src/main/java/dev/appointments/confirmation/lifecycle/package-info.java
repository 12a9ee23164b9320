/**
 * The lifecycle after booking: producers' confirm, decline, complete and no-show,
 * auto-confirmation, hold timers and their expiry, and the patient notices each step asks
 * for.
 */
package dev.appointments.confirmation.lifecycle;
