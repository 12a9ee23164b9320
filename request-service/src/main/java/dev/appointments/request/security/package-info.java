/**
 * Who may call the request-service's HTTP API: patients and schedulers submit intake, admins manage providers.
 */
package dev.appointments.request.security;
