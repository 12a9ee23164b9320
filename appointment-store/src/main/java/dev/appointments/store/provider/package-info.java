/**
 * Providers and their booking rules.
 */
package dev.appointments.store.provider;
