/**
 * The SQS work queues and their dead-letter queues, built from the aws-resources queue
 * definitions.
 */
package dev.appointments.deploy.messaging;
