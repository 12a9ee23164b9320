package dev.appointments.reminder.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON a provider's webhook receives. It names the patient by id only: the provider
 * looks the patient up in its own records, and no personal data travels to a URL that may
 * be misconfigured.
 *
 * @param notificationId the notification's deterministic id, the receiver's idempotency
 * key
 * @param kind what happened: CONFIRMED, DECLINED, EXPIRED, CANCELLED, RESCHEDULED or
 * REMINDER
 * @param appointmentId the appointment
 * @param providerId the provider
 * @param patientId the patient
 * @param status the appointment's status when the notification was sent
 * @param startsAt the start, UTC (ISO-8601)
 * @param localStart the start on the provider's wall clock, with offset (ISO-8601)
 * @param timeZone the provider's IANA time zone
 * @param reminderOffset for reminders, how long before the start (ISO-8601 duration)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookPayload(String notificationId, String kind, String appointmentId, String providerId, String patientId,
        String status, String startsAt, String localStart, String timeZone, String reminderOffset) {

    static WebhookPayload of(Notice notice) {
        var appointment = notice.appointment();
        var localStart = notice.localStart();
        return new WebhookPayload(notice.notificationId(), notice.topic().name(), appointment.appointmentId(),
                appointment.providerId(), appointment.patientId(), appointment.status(),
                appointment.startsAt().toString(), localStart.toOffsetDateTime().toString(),
                localStart.getZone().getId(),
                notice.reminderOffset() == null ? null : notice.reminderOffset().toString());
    }
}
