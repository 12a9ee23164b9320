/**
 * The DynamoDB API's operations: table management, single items, queries and scans,
 * batches and transactions.
 */
package dev.appointments.dynamodb.operations;
