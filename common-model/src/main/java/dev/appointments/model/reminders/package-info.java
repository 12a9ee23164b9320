/**
 * The messages on queue {@code appointment-reminders}: patient notices, reminder planning
 * and due reminders.
 */
package dev.appointments.model.reminders;
