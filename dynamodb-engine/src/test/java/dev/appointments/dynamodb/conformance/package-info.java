/**
 * Tests of documented DynamoDB behaviour that run unchanged against this engine, DynamoDB
 * itself or any emulator.
 */
package dev.appointments.dynamodb.conformance;
