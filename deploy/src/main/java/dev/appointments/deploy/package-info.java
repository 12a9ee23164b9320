/**
 * The production deployment as a CDK app: one stack per region, built from the queue and
 * table definitions of aws-resources.
 */
package dev.appointments.deploy;
