/**
 * The durable timers of this service: the store, the SQS sender that releases due timers, and the schedule that
 * polls them.
 */
package dev.appointments.confirmation.timers;
