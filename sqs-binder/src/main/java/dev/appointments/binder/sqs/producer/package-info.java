/**
 * The producer side: the outbound handler that sends each bound message to its queue.
 */
package dev.appointments.binder.sqs.producer;
