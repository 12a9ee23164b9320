/**
 * DynamoDB access to the scheduling data the services share, with conditional writes for
 * every change.
 */
package dev.appointments.store;
