package dev.appointments.reminder.delivery;

import dev.appointments.model.reminders.NoticeKind;

/**
 * What a notification tells the patient: one of the notices, or a reminder before the
 * visit.
 */
public enum Topic {

    CONFIRMED, DECLINED, EXPIRED, CANCELLED, RESCHEDULED, REMINDER;

    public static Topic of(NoticeKind kind) {
        return switch (kind) {
            case CONFIRMED -> CONFIRMED;
            case DECLINED -> DECLINED;
            case EXPIRED -> EXPIRED;
            case CANCELLED -> CANCELLED;
            case RESCHEDULED -> RESCHEDULED;
        };
    }

    /**
     * Whether the appointment is still to happen after this notice, so the patient may
     * want to cancel it.
     */
    boolean appointmentAhead() {
        return this == CONFIRMED || this == RESCHEDULED || this == REMINDER;
    }

}
