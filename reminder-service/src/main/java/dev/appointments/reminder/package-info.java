/**
 * The reminder-service: patient notices and reminders from the appointment-reminders
 * queue, delivered by e-mail and signed webhook.
 */
package dev.appointments.reminder;
