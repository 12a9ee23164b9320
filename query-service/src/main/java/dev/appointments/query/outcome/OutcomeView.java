package dev.appointments.query.outcome;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.OutcomeStatus;

/**
 * What became of a command.
 *
 * @param reason the machine-readable reason of a rejection, such as
 * {@code SLOT_UNAVAILABLE}; absent when accepted
 * @param appointmentId the appointment the command created or changed, when there is one
 * @param deadLetterQueue where the command's message is when it could not be read (the
 * message says why); absent for a command that was read and answered
 * @param laterSubmissions other commands sent later under the same requestId, each
 * refused (reason {@code DUPLICATE_REQUEST_ID}); absent when there were none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record OutcomeView(String requestId, String commandType, OutcomeStatus status, String reason, String message,
        String appointmentId, Instant recordedAt, String deadLetterQueue, List<Later> laterSubmissions) {

    static OutcomeView of(Outcome outcome) {
        return new OutcomeView(outcome.requestId(), outcome.commandType(), outcome.status(), outcome.reason(),
                outcome.message(), outcome.appointmentId(), outcome.recordedAt(), outcome.deadLetterQueue(),
                outcome.laterSubmissions()
                    .stream()
                    .map(later -> new Later(later.at(), later.commandType(), later.reason()))
                    .toList());
    }

    /**
     * A later command under the same requestId: when it came, what it was, why it was
     * refused.
     */
    record Later(Instant at, String commandType, String reason) {
    }
}
