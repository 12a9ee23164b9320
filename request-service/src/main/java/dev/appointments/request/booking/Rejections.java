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
        Outcome standing = outcomes.record(Outcome.rejected(command.requestId(), command.type(),
                command.fingerprint(), reason, message, appointmentId, clock.instant())
                .withPatientId(command.patientId()));
        // Another command under the same requestId may have been answered in the meantime.
        return standing.sameCommand(command.fingerprint()) ? Handled.of(standing) : duplicate(standing, command);
    }

    /**
     * Refuses {@code command}, which reuses the requestId of {@code first} for other content: the first outcome
     * stands, and lists this command as a later submission refused {@code DUPLICATE_REQUEST_ID}.
     */
    Handled duplicate(Outcome first, Command command) {
        boolean recorded = outcomes.recordLater(command.requestId(),
                first.refusal(command.type(), command.fingerprint(), clock.instant()));
        return Handled.duplicate(first, recorded);
    }
}
