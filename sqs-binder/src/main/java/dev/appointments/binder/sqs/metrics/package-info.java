/**
 * Micrometer meters per binding: messages received, succeeded, failed and sent, and
 * processing latency.
 */
package dev.appointments.binder.sqs.metrics;
