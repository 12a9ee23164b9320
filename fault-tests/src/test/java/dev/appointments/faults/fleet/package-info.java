/**
 * The system under test as processes: the engines in the test JVM, each service a child
 * JVM from its own jar, and the relay that cuts SQS off.
 */
package dev.appointments.faults.fleet;
