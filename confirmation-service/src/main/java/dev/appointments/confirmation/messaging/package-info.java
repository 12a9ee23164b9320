/**
 * The confirmation-service's side of the queues: reading appointment-confirmations and
 * sending notices to appointment-reminders.
 */
package dev.appointments.confirmation.messaging;
