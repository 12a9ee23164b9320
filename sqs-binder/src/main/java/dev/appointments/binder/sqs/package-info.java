/**
 * The Spring Cloud Stream binder for Amazon SQS: binds functions to queues through the
 * Spring Integration adapters of Spring Cloud AWS.
 */
package dev.appointments.binder.sqs;
