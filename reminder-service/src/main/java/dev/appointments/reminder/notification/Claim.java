package dev.appointments.reminder.notification;

import java.util.Map;

import dev.appointments.reminder.delivery.DeliveryResult;

/**
 * This instance's hold on a notification: its token, and the channels an earlier holder finished already.
 */
record Claim(String notificationId, String token, Map<String, DeliveryResult> earlierDeliveries) {
}
