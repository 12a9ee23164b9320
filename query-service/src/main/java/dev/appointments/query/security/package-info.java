/**
 * Who may call the query-service's HTTP API: the path rules per role, and the bearer
 * scheme in the API description.
 */
package dev.appointments.query.security;
