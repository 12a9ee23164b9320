/**
 * The reminder-service's access to DynamoDB: the clock, bounded retries of throttled calls, and the shared stores it reads.
 */
package dev.appointments.reminder.store;
