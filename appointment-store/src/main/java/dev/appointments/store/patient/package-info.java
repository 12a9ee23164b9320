/**
 * Patients, one per e-mail address.
 */
package dev.appointments.store.patient;
