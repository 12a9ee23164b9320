/**
 * A load benchmark of the query-service on the embedded engines; a main class, not a
 * test, run by hand.
 */
package dev.appointments.query.benchmark;
