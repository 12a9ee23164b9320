package dev.appointments.reminder.delivery;

import dev.appointments.reminder.Digests;

/**
 * The {@code Message-ID} of a notification's e-mail, derived from the notification id and
 * the channel: a copy sent again (after an instance stopped before recording that the
 * SMTP server had accepted the first) carries the same Message-ID, so that mail systems
 * and clients that collapse duplicates by Message-ID show it once, and anyone can tell it
 * is the same message. Notification ids contain characters a Message-ID may not
 * ({@code :}), hence a hash.
 */
final class MessageIds {

    private MessageIds() {
    }

    /**
     * {@code <32 hex digits of SHA-256(notificationId/channel)@domain>}; the domain is
     * the sender's.
     */
    static String of(String notificationId, String channel, String from) {
        int at = from == null ? -1 : from.lastIndexOf('@');
        String domain = at < 0 || at == from.length() - 1 ? "appointments.invalid"
                : from.substring(at + 1).replace(">", "").trim();
        return "<" + Digests.sha256Hex(notificationId + "/" + channel).substring(0, 32) + "@" + domain + ">";
    }

}
