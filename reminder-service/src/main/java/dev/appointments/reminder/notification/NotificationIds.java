package dev.appointments.reminder.notification;

import dev.appointments.reminder.Digests;
import java.time.Duration;
import java.time.Instant;

import dev.appointments.model.Identifier;
import dev.appointments.model.reminders.NoticeKind;

/**
 * The deterministic ids of notifications: the same cause always gives the same id, so a
 * message delivered twice finds the first one's record. Ids stay within the contract's
 * 128 characters (a reminder's id travels in ReminderDue): a longer one is replaced by
 * its SHA-256, which is just as deterministic.
 */
public final class NotificationIds {

    private NotificationIds() {
    }

    /**
     * {@code reminder:<appointmentId>:<startsAt>:<offset>}, e.g.
     * {@code reminder:a1:2027-03-03T14:30:00Z:PT2H}.
     */
    public static String reminder(String appointmentId, Instant startsAt, Duration offset) {
        return bounded("reminder:", appointmentId + ":" + startsAt + ":" + offset);
    }

    /**
     * {@code notice:<appointmentId>:<kind>:<causeId>}, e.g.
     * {@code notice:a1:CONFIRMED:req-7f3a}.
     */
    public static String notice(String appointmentId, NoticeKind kind, String causeId) {
        return bounded("notice:", appointmentId + ":" + kind + ":" + causeId);
    }

    private static String bounded(String prefix, String rest) {
        String id = prefix + rest;
        return id.length() <= Identifier.MAX_LENGTH ? id : prefix + Digests.sha256Hex(rest);
    }

}
