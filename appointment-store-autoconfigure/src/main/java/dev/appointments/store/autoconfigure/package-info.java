/**
 * Spring Boot wiring of the appointment store, with resilient DynamoDB calls.
 */
package dev.appointments.store.autoconfigure;
