/**
 * The confirmation-service: an appointment's lifecycle after booking, from REQUESTED to
 * its end.
 */
package dev.appointments.confirmation;
