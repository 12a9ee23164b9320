/**
 * Who may call the request-service's HTTP API: patients, providers and schedulers give
 * commands, admins manage providers.
 */
package dev.appointments.request.security;
