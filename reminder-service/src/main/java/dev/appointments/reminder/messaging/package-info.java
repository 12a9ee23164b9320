/**
 * The reminder-service's side of the queues: reading notices, reminder plans and due
 * reminders from appointment-reminders.
 */
package dev.appointments.reminder.messaging;
