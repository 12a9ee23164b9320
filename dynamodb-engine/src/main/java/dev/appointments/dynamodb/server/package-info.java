/** The DynamoDB JSON 1.0 protocol over HTTP, on the JDK's own HTTP server. */
package dev.appointments.dynamodb.server;
