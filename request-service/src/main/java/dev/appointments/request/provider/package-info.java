/**
 * Provider administration over HTTP: a provider's booking rules, created, replaced and
 * read.
 */
package dev.appointments.request.provider;
