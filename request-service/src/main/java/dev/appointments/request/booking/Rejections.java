package dev.appointments.request.booking;

import java.time.Clock;

import dev.appointments.model.ReasonCode;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;

/**
 * Records rejections: the outcome of a command that can't be honoured, with its reason code.
 */
final class Rejections {

    private final Outcomes outcomes;
    private final Clock clock;

    Rejections(Outcomes outcomes, Clock clock) {
        this.outcomes = outcomes;
        this.clock = clock;
    }

    Handled reject(Command command, ReasonCode reason, String message, String appointmentId) {
        return Handled.of(outcomes.record(Outcome.rejected(command.requestId(), command.type(), command.fingerprint(),
                reason, message, appointmentId, clock.instant())));
    }
}
