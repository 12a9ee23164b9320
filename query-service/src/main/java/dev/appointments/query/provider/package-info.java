/**
 * Providers and their booking rules, as the request-service's admin API stored them.
 */
package dev.appointments.query.provider;
