package dev.appointments.store.command;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one retry of a read-decide-write step whose conditional write found the appointment
 * changed since it was read: read it again and decide again, a few times, since each lost
 * round means someone else's step committed.
 */
public final class ConcurrentChanges {

    /** How many times a step is tried before the change is reported. */
    public static final int ATTEMPTS = 3;

    private ConcurrentChanges() {
    }

    /**
     * Runs {@code attempt} until it decides (non-empty), at most {@value #ATTEMPTS}
     * times.
     * @return the decision; empty when every attempt found the appointment changed
     */
    public static <T> Optional<T> retry(Supplier<Optional<T>> attempt) {
        for (int round = 1; round <= ATTEMPTS; round++) {
            Optional<T> decided = attempt.get();
            if (decided.isPresent()) {
                return decided;
            }
        }
        return Optional.empty();
    }

}
