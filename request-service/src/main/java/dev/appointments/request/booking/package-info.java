/**
 * Booking: what the request-service does with RequestAppointment, RescheduleAppointment
 * and CancelAppointment.
 */
package dev.appointments.request.booking;
