/**
 * Patients' own records: a signed-in patient creates and updates its record; the local
 * run's demo patient.
 */
package dev.appointments.request.patient;
