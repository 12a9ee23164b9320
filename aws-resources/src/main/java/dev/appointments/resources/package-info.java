/**
 * The queues and DynamoDB tables of the system, defined once, with the small SQS helpers
 * every module shares.
 */
package dev.appointments.resources;
