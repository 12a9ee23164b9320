package dev.appointments.reminder.notification;

import java.util.Map;

import dev.appointments.reminder.delivery.DeliveryResult;

/**
 * This instance's hold on a notification: its token, and each channel's delivery as
 * recorded when it was claimed. A channel STARTED there and not by this claim was handed
 * over by an earlier holder that stopped before recording the outcome.
 *
 * @param deliveries per channel, as the notification's record holds it right after the
 * claim
 * @param takeover whether an earlier holder's lease lapsed and this claim took the
 * notification over
 */
record Claim(String notificationId, String token, Map<String, DeliveryResult> deliveries, boolean takeover) {

    Claim {
        deliveries = Map.copyOf(deliveries);
    }
}
