/**
 * Depth of the SQS queues a service watches, and of their dead-letter queues, as
 * Micrometer gauges polled on an interval.
 */
package dev.appointments.queuemetrics;
