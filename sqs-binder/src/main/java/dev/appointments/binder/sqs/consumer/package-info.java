/**
 * The consumer side: the listener container settings and the inbound adapter that hands
 * each message to the function and lets SQS keep every message whose processing failed.
 */
package dev.appointments.binder.sqs.consumer;
