/**
 * Patients, by id and by e-mail address.
 */
package dev.appointments.query.patient;
