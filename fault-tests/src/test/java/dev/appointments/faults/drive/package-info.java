/**
 * What drives the system from outside: a plain SQS producer, the HTTP APIs with demo
 * tokens, command bodies and providers.
 */
package dev.appointments.faults.drive;
