package dev.appointments.reminder.delivery;

/**
 * The words of a notice: a subject, a plain-text body and the same as HTML.
 */
record Letter(String subject, String text, String html) {
}
