/**
 * Resilience around DynamoDB: retries for throttling and transaction conflicts, and a circuit breaker that pauses consumption during an outage.
 */
package dev.appointments.request.resilience;
