/**
 * Spring Boot wiring of the durable timers: one store per service namespace, one sender
 * to SQS, and the poll that releases due timers unless the DynamoDB circuit is open.
 */
package dev.appointments.timers.autoconfigure;
