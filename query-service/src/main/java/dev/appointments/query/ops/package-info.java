/**
 * The operators' views of the queues: depth of every queue and dead-letter queue,
 * browsing dead letters without losing them, redriving them to their queue, and the
 * dashboard page at {@code /ops}.
 */
package dev.appointments.query.ops;
