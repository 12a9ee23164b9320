/**
 * The local counterpart of the deployment: the LocalStack init script of
 * docker-compose.yml, generated from the same definitions.
 */
package dev.appointments.deploy.local;
