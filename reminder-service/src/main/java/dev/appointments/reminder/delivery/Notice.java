package dev.appointments.reminder.delivery;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.provider.Provider;

/**
 * One notification, ready to deliver: what it tells, about which appointment, to which patient, from which provider.
 * It holds personal data, so its {@link #toString()} names the notification only.
 *
 * @param notificationId the deterministic id; a notification is delivered at most once per channel
 * @param topic what it tells
 * @param appointment the appointment as read just before delivery
 * @param patient the recipient
 * @param provider the provider, for its name and time zone
 * @param reminderOffset how long before the start a reminder is sent; {@code null} for notices
 */
public record Notice(String notificationId, Topic topic, Appointment appointment, Patient patient, Provider provider,
        Duration reminderOffset) {

    /** The provider's display name, or its id when it has none. */
    public String providerName() {
        String name = provider.rules().name();
        return name == null || name.isBlank() ? provider.providerId() : name;
    }

    /** The start on the provider's wall clock, where the patient goes. */
    public ZonedDateTime localStart() {
        String zone = provider.rules().timeZone() != null ? provider.rules().timeZone() : appointment.timeZone();
        return appointment.startsAt().atZone(ZoneId.of(zone));
    }

    @Override
    public String toString() {
        return "Notice[notificationId=" + notificationId + ", topic=" + topic + "]";
    }
}
