/**
 * Planning reminders: one durable timer per configured offset before an appointment's
 * start, released as ReminderDue when due.
 */
package dev.appointments.reminder.planning;
