/**
 * The durable timers this service polls: releasing due timers of the shared timers table to their queues.
 */
package dev.appointments.reminder.timers;
