/**
 * Appointments, their lifecycle and the calendar days that keep a provider's calendar
 * free of double bookings.
 */
package dev.appointments.store.appointment;
