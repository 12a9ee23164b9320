/**
 * Appointments: one by id, and lists by patient, provider or status in start-time order,
 * a page at a time.
 */
package dev.appointments.query.appointment;
