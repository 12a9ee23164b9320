/**
 * Delivering a notice to a patient: the e-mail and webhook channels, their texts and
 * signatures, and bounded retries with backoff.
 */
package dev.appointments.reminder.delivery;
