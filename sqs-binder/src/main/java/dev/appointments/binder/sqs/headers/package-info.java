/**
 * Mapping between SQS message attributes and message headers, and between SQS bodies and
 * payloads.
 */
package dev.appointments.binder.sqs.headers;
