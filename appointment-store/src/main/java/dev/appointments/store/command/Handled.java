package dev.appointments.store.command;

import java.util.List;

import dev.appointments.store.outcome.Outcome;

/**
 * What handling a command came to: the outcome that stands for its requestId, and the
 * facts to publish before the command's message may be acknowledged.
 *
 * @param outcome the recorded outcome
 * @param facts facts to publish; published again when the command is delivered again,
 * since the first attempt may have stopped between recording and publishing
 * @param duplicateRequestId whether the requestId was already used for a different
 * command, which is then refused: {@code outcome} is the first command's, and lists this
 * one among its later submissions
 * @param refusalRecorded whether this delivery recorded that refusal (a redelivery of the
 * same command finds it recorded)
 * @param <F> the facts the service publishes
 */
public record Handled<F>(Outcome outcome, List<F> facts, boolean duplicateRequestId, boolean refusalRecorded) {

    public Handled {
        facts = List.copyOf(facts);
    }

    static <F> Handled<F> of(Outcome outcome, List<F> facts) {
        return new Handled<>(outcome, facts, false, false);
    }

    static <F> Handled<F> duplicate(Outcome first, boolean refusalRecorded) {
        return new Handled<>(first, List.of(), true, refusalRecorded);
    }
}
