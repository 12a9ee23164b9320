/**
 * The request-service's OpenAPI document and Swagger UI: who it is for and how to
 * authenticate.
 */
package dev.appointments.request.openapi;
