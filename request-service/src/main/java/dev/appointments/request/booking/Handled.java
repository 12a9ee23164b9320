package dev.appointments.request.booking;

import java.util.List;

import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.store.outcome.Outcome;

/**
 * What handling a command came to: the outcome that stands for its requestId, and the facts to publish to the
 * confirmation-service before the command's message may be acknowledged.
 *
 * @param outcome the recorded outcome
 * @param facts facts to publish; published again when the command is delivered again, since the first attempt may
 *        have stopped between recording and publishing
 * @param duplicateRequestId whether the requestId was already used for a different command, which is then refused:
 *        {@code outcome} is the first command's, and lists this one among its later submissions
 * @param refusalRecorded whether this delivery recorded that refusal (a redelivery of the same command finds it
 *        recorded)
 */
public record Handled(Outcome outcome, List<AppointmentConfirmationsMessage> facts, boolean duplicateRequestId,
        boolean refusalRecorded) {

    public Handled {
        facts = List.copyOf(facts);
    }

    static Handled of(Outcome outcome, List<AppointmentConfirmationsMessage> facts) {
        return new Handled(outcome, facts, false, false);
    }

    static Handled of(Outcome outcome) {
        return new Handled(outcome, List.of(), false, false);
    }

    static Handled duplicate(Outcome first, boolean refusalRecorded) {
        return new Handled(first, List.of(), true, refusalRecorded);
    }
}
