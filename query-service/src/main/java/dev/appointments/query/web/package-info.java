/**
 * What every endpoint shares: RFC 9457 problem responses, entity tags and the OpenAPI
 * description.
 */
package dev.appointments.query.web;
