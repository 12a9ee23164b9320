/**
 * Tables, items and indexes in memory, every write serialised and made durable in an H2
 * MVStore file.
 */
package dev.appointments.dynamodb.storage;
