/**
 * The producer commands on queue {@code appointment-requests}: request, reschedule and
 * cancel an appointment.
 */
package dev.appointments.model.requests;
