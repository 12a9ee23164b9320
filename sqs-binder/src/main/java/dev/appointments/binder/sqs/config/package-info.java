/**
 * Spring configuration that registers the binder under the name {@code sqs}.
 */
package dev.appointments.binder.sqs.config;
