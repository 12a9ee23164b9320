/**
 * The DynamoDB tables, built from the aws-resources table definitions, optionally
 * replicated as global tables.
 */
package dev.appointments.deploy.data;
