/**
 * The fault scenarios: each proves one of the system's promises from outside while
 * something breaks, and reports its figures.
 */
package dev.appointments.faults;
