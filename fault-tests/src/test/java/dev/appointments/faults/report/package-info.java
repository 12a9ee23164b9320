/**
 * The fault report written to target/: one row per scenario, in Markdown and JSON.
 */
package dev.appointments.faults.report;
