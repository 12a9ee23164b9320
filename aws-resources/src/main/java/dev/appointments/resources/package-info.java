/**
 * The queues and DynamoDB tables of the system, defined once for the embedded engines and the infrastructure code.
 */
package dev.appointments.resources;
