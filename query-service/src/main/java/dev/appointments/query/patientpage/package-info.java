/**
 * The patient web page served at {@code /} (static files) and the settings it reads:
 * where patients sign in and book.
 */
package dev.appointments.query.patientpage;
