/**
 * The stores the query-service reads through, and the retry and circuit breaker around each DynamoDB call.
 */
package dev.appointments.query.dynamodb;
