/**
 * A benchmark of the booking pipeline on the local run, against raw and minimal harnesses
 * of the same run.
 */
package dev.appointments.benchmarks.pipeline;
