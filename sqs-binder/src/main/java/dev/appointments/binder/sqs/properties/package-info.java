/**
 * The binder's configuration: binder-wide properties and the per-binding consumer and
 * producer properties.
 */
package dev.appointments.binder.sqs.properties;
