/**
 * Notifications: deterministic ids, the at-most-once claim and record in the
 * notifications table, and the decision to send or skip.
 */
package dev.appointments.reminder.notification;
