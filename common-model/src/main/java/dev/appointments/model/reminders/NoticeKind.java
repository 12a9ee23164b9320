package dev.appointments.model.reminders;

/**
 * What a patient notice tells; written in JSON by name.
 */
public enum NoticeKind {

    /** The appointment is confirmed. */
    CONFIRMED,

    /** The provider declined the request. */
    DECLINED,

    /** The provider did not answer in time; the hold expired. */
    EXPIRED,

    /** The appointment was cancelled. */
    CANCELLED,

    /** The appointment was moved and waits for confirmation again. */
    RESCHEDULED

}
