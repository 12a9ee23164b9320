package dev.appointments.store.command;

import java.util.List;

import dev.appointments.model.ReasonCode;
import dev.appointments.store.outcome.Outcome;

/**
 * What one attempt at a command came to; {@link CommandHandling} turns it into the
 * answer.
 *
 * @param <F> the facts the service publishes
 */
public sealed interface Attempt<F> {

    /**
     * Written with its accepted outcome (made by {@link CommandHandling#accepted});
     * {@code facts} are to be published.
     */
    static <F> Attempt<F> written(Outcome accepted, List<F> facts) {
        return new Written<>(accepted, List.copyOf(facts));
    }

    /** The command can't be honoured: a rejection is to be recorded. */
    static <F> Attempt<F> refused(ReasonCode reason, String message, String appointmentId) {
        return new Refused<>(reason, message, appointmentId);
    }

    /**
     * The write failed on its condition that no outcome exists: the requestId was
     * answered meanwhile.
     */
    static <F> Attempt<F> alreadyRecorded() {
        return new AlreadyRecorded<>();
    }

    /** What the attempt read changed before it wrote: read again and decide again. */
    static <F> Attempt<F> changed() {
        return new Changed<>();
    }

    record Written<F>(Outcome outcome, List<F> facts) implements Attempt<F> {
    }

    record Refused<F>(ReasonCode reason, String message, String appointmentId) implements Attempt<F> {
    }

    record AlreadyRecorded<F>() implements Attempt<F> {
    }

    record Changed<F>() implements Attempt<F> {
    }

}
