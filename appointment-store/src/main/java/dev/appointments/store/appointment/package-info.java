/**
 * Appointments, their lifecycle and the slot locks that keep a provider's calendar free of double bookings.
 */
package dev.appointments.store.appointment;
