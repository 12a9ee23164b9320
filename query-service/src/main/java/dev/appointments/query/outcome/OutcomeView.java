package dev.appointments.query.outcome;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.OutcomeStatus;

/**
 * What became of a command.
 *
 * @param reason the machine-readable reason of a rejection, such as {@code SLOT_UNAVAILABLE}; absent when accepted
 * @param appointmentId the appointment the command created or changed, when there is one
 * @param deadLetterQueue where the command's message is when it could not be read (the message says why); absent for
 *        a command that was read and answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OutcomeView(String requestId, String commandType, OutcomeStatus status, String reason, String message,
        String appointmentId, Instant recordedAt, String deadLetterQueue) {

    static OutcomeView of(Outcome outcome) {
        return new OutcomeView(outcome.requestId(), outcome.commandType(), outcome.status(), outcome.reason(),
                outcome.message(), outcome.appointmentId(), outcome.recordedAt(), outcome.deadLetterQueue());
    }
}
