/**
 * Resilience around DynamoDB: retries for throttling, and a circuit breaker that pauses consumption and the timer
 * poller during an outage.
 */
package dev.appointments.confirmation.resilience;
