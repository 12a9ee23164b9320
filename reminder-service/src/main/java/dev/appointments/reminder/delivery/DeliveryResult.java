package dev.appointments.reminder.delivery;

import java.time.Instant;

/**
 * The result of delivering a notice through one channel, as recorded with the notification.
 *
 * @param channel the channel's name
 * @param status sent or failed
 * @param attempts how many attempts were made
 * @param reason the last failure's code; {@code null} when sent
 * @param at when it was sent, or when the last attempt failed
 */
public record DeliveryResult(String channel, DeliveryStatus status, int attempts, String reason, Instant at) {
}
