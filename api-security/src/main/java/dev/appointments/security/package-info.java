/**
 * Security of the services' HTTP APIs: JWT bearer tokens with the product's roles,
 * per-path role rules, the caller for object-level checks, abuse limits, CORS and
 * security headers.
 */
package dev.appointments.security;
