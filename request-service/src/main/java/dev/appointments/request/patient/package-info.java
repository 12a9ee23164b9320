/**
 * Patients of the local run: the record behind the demo patient who signs in at the local authorization server.
 */
package dev.appointments.request.patient;
