package dev.appointments.reminder.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.provider.Provider;

/**
 * One notification, ready to deliver: what it tells, about which appointment, to which
 * patient, from which provider, whether read from the tables or carried by the message.
 * It holds personal data, so its {@link #toString()} names the notification only.
 *
 * @param notificationId the deterministic id; a notification is delivered at most once
 * per channel
 * @param topic what it tells
 * @param appointment the appointment as the notice or a read just before delivery knows
 * it
 * @param patient the recipient
 * @param providerName the provider's display name
 * @param zone the provider's time zone, where the patient has to be
 * @param reminderOffset how long before the start a reminder is sent; {@code null} for
 * notices
 */
public record Notice(String notificationId, Topic topic, About appointment, Recipient patient, String providerName,
        ZoneId zone, Duration reminderOffset) {

    /** A notice from what the tables hold. */
    public static Notice of(String notificationId, Topic topic, Appointment appointment, Patient patient,
            Provider provider, Duration reminderOffset) {
        String zone = provider.rules().timeZone() != null ? provider.rules().timeZone() : appointment.timeZone();
        return new Notice(notificationId, topic, About.of(appointment), Recipient.of(patient), nameOf(provider),
                ZoneId.of(zone), reminderOffset);
    }

    /** The provider's display name, or its id when it has none. */
    public static String nameOf(Provider provider) {
        String name = provider.rules().name();
        return name == null || name.isBlank() ? provider.providerId() : name;
    }

    /** The start on the provider's wall clock, where the patient goes. */
    public ZonedDateTime localStart() {
        return appointment.startsAt().atZone(zone);
    }

    @Override
    public String toString() {
        return "Notice[notificationId=" + notificationId + ", topic=" + topic + "]";
    }

    /**
     * What a notification says about its appointment: ids, status, start and version, no
     * personal data.
     *
     * @param status the appointment's status when the notification was decided
     * ({@code CONFIRMED}, ...)
     */
    public record About(String appointmentId, String providerId, String patientId, String status, Instant startsAt,
            long version) {

        public static About of(Appointment appointment) {
            return new About(appointment.appointmentId(), appointment.providerId(), appointment.patientId(),
                    appointment.status().name(), appointment.startsAt(), appointment.version());
        }
    }

    /** The patient as a notice addresses them: personal data, never logged. */
    public record Recipient(String firstName, String email) {

        public static Recipient of(Patient patient) {
            return new Recipient(patient.firstName(), patient.email());
        }

        @Override
        public String toString() {
            return "Recipient[<redacted>]";
        }
    }
}
