package dev.appointments.confirmation.lifecycle;

import java.util.List;

import dev.appointments.model.ReasonCode;
import dev.appointments.model.reminders.AppointmentRemindersMessage;
import dev.appointments.store.outcome.Outcome;

/**
 * What handling a message came to, and the notices to send to the reminder-service before
 * the message may be acknowledged.
 *
 * @param result a short word for logs and metrics: the outcome's status for a command,
 * what happened for a fact or a timer ({@code CONFIRMED}, {@code HELD}, {@code EXPIRED},
 * {@code NOTIFIED}, {@code STALE})
 * @param outcome the outcome recorded for a producer command; {@code null} for facts and
 * timers, which have none
 * @param notices messages for appointment-reminders; sent again when the message is
 * delivered again, since the first attempt may have stopped between the write and the
 * send
 * @param duplicateRequestId whether the requestId was already used for a different
 * command, which is then refused: {@code outcome} is the first command's, and lists this
 * one among its later submissions
 */
public record Handled(String result, Outcome outcome, List<AppointmentRemindersMessage> notices,
        boolean duplicateRequestId) {

    public Handled {
        notices = List.copyOf(notices);
    }

    /** What handling a producer command came to. */
    static Handled of(dev.appointments.store.command.Handled<AppointmentRemindersMessage> command) {
        return command.duplicateRequestId() ? duplicate(command.outcome(), command.refusalRecorded())
                : of(command.outcome(), command.facts());
    }

    static Handled of(Outcome outcome, List<AppointmentRemindersMessage> notices) {
        return new Handled(outcome.status().name(), outcome, notices, false);
    }

    static Handled of(String result, List<AppointmentRemindersMessage> notices) {
        return new Handled(result, null, notices, false);
    }

    /**
     * A command refused because its requestId answered another one; the result says if
     * this delivery recorded it.
     */
    static Handled duplicate(Outcome earlier, boolean refusalRecorded) {
        if (!refusalRecorded) {
            return new Handled("DUPLICATE_REQUEST_ID_AGAIN", earlier, List.of(), true);
        }
        return new Handled(ReasonCode.DUPLICATE_REQUEST_ID.name(), earlier, List.of(), true);
    }
}
