/**
 * A FHIR R4 view of appointments ({@code /fhir/Appointment}) and free slots
 * ({@code /fhir/Slot}), written with HAPI FHIR as {@code application/fhir+json}.
 */
package dev.appointments.query.fhir;
