/**
 * The query-service: reads of appointments, outcomes, patients, providers and free slots
 * over REST and FHIR R4.
 */
package dev.appointments.query;
