/**
 * The local run: the embedded engines and the four services in one JVM, for a laptop.
 */
package dev.appointments.localrun;
