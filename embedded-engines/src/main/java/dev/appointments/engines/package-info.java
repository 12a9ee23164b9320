/**
 * ElasticMQ and the DynamoDB engine started in-process on loopback, with the system's
 * queues and tables, for tests and the local run.
 */
package dev.appointments.engines;
