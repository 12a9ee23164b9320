/**
 * A provider's booking rules and the calendar arithmetic on them: the slot grid in the
 * provider's time zone, why a requested slot is refused, and which time an appointment
 * keeps from others.
 */
package dev.appointments.rules;
