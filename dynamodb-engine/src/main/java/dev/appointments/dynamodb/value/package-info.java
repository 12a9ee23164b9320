/**
 * Attribute values of the DynamoDB data model, their wire format, order, size and the
 * errors DynamoDB answers.
 */
package dev.appointments.dynamodb.value;
