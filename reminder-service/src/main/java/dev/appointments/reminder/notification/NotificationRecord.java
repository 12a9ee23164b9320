package dev.appointments.reminder.notification;

import java.time.Instant;
import java.util.Map;

import dev.appointments.reminder.delivery.DeliveryResult;

/**
 * A notification as recorded in the notifications table: what operators look at.
 *
 * @param notificationId the deterministic id
 * @param appointmentId the appointment it is about
 * @param kind what it tells (CONFIRMED, ..., REMINDER)
 * @param status where it stands
 * @param reason why it failed or was skipped; {@code null} when sent
 * @param claims how many times an instance claimed it (more than one after a crash or a
 * lost lease)
 * @param deliveries per channel, how its delivery ended
 * @param sentAt when it was finished as SENT
 * @param updatedAt when it last changed
 */
record NotificationRecord(String notificationId, String appointmentId, String kind, NotificationStatus status,
        String reason, long claims, Map<String, DeliveryResult> deliveries, Instant sentAt, Instant updatedAt) {
}
