/**
 * A DynamoDB-compatible engine for tests and the local run: start it, point an AWS SDK
 * client at it.
 */
package dev.appointments.dynamodb;
