/**
 * Creates or resolves each bound queue with its dead-letter queue and redrive policy.
 */
package dev.appointments.binder.sqs.provisioning;
