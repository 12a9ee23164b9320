package dev.appointments.reminder.notification;

/**
 * What a notification is about, as recorded with its claim: ids only, never personal
 * data.
 */
record Subject(String notificationId, String appointmentId, String kind, String providerId, String patientId) {
}
