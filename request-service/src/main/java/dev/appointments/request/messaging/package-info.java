/**
 * The request-service's side of the queues: reading commands from appointment-requests
 * and publishing facts to appointment-confirmations.
 */
package dev.appointments.request.messaging;
