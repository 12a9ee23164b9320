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
 * @param duplicateRequestId whether the requestId was already used for a different command, which is then ignored
 */
public record Handled(Outcome outcome, List<AppointmentConfirmationsMessage> facts, boolean duplicateRequestId) {

    public Handled {
        facts = List.copyOf(facts);
    }

    static Handled of(Outcome outcome, List<AppointmentConfirmationsMessage> facts) {
        return new Handled(outcome, facts, false);
    }

    static Handled of(Outcome outcome) {
        return new Handled(outcome, List.of(), false);
    }
}
