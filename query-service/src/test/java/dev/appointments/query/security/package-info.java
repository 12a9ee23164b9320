/**
 * Tests of who may read what: 401 without a token, 403 for a wrong role, 404 for
 * another's object, 200 for its own.
 */
package dev.appointments.query.security;
