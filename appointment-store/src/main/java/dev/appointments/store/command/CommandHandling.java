package dev.appointments.store.command;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.appointments.model.FieldViolation;
import dev.appointments.model.ReasonCode;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.OutcomeStatus;
import dev.appointments.store.outcome.Outcomes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles a command once. Every write of a command conditions on its requestId having no
 * outcome yet, so its outcome is not read first: when the write fails on that condition
 * (or a rejection finds an outcome recorded), the outcome that stands is read and answers
 * the command. The same command gets that outcome and the facts it stored; another
 * command under the same requestId is refused {@code DUPLICATE_REQUEST_ID} and listed
 * with it. An attempt that found the appointment changed is run again, and after
 * {@value ConcurrentChanges#ATTEMPTS} such rounds the command is refused
 * {@code CHANGED_CONCURRENTLY}.
 *
 * @param <F> the facts the service publishes
 */
public final class CommandHandling<F> {

    /** What to publish again when an accepted command is delivered again. */
    @FunctionalInterface
    public interface Replay<F> {

        /**
         * @param earlier the accepted outcome that answers the command
         * @param stored the facts stored with it; {@code null} for an outcome recorded
         * before facts were stored
         */
        List<F> factsAgain(Outcome earlier, List<F> stored);

    }

    private final Outcomes outcomes;

    private final Clock clock;

    private final JsonMapper json;

    private final Class<F> factType;

    private final Replay<F> replay;

    /**
     * @param factType the sealed contract the facts are written and read as
     * @param replay what a redelivery publishes
     */
    public CommandHandling(Outcomes outcomes, Clock clock, JsonMapper json, Class<F> factType, Replay<F> replay) {
        this.outcomes = outcomes;
        this.clock = clock;
        this.json = json;
        this.factType = factType;
        this.replay = replay;
    }

    /**
     * A redelivery publishes the facts stored with the outcome; an outcome stored without
     * facts publishes none.
     */
    public static <F> Replay<F> storedFacts() {
        return (earlier, stored) -> stored == null ? List.of() : stored;
    }

    /**
     * The accepted outcome of {@code command}, storing the facts it publishes, to be
     * written with its change.
     */
    public Outcome accepted(Command command, String appointmentId, String message, Instant at, List<F> facts) {
        return Outcome.accepted(command.requestId(), command.type(), command.fingerprint(), appointmentId, message, at)
            .withFacts(facts.stream().map(fact -> json.writerFor(factType).writeValueAsString(fact)).toList());
    }

    /**
     * Handles {@code command}: refuses it {@code INVALID} when there are violations, else
     * runs {@code attempt} (again while it finds the appointment changed) and answers
     * with what it came to.
     * @param appointmentId the appointment the command is about, named by a
     * {@code CHANGED_CONCURRENTLY} refusal
     */
    public Handled<F> handle(Command command, List<FieldViolation> violations, String appointmentId,
            Supplier<Attempt<F>> attempt) {
        if (!violations.isEmpty()) {
            return refuse(command, ReasonCode.INVALID,
                    violations.stream()
                        .map(violation -> violation.field() + ": " + violation.message())
                        .collect(Collectors.joining("; ")),
                    null);
        }
        return ConcurrentChanges.retry(() -> decide(command, attempt.get()))
            .orElseGet(() -> refuse(command, ReasonCode.CHANGED_CONCURRENTLY,
                    "The appointment kept changing while the command ran; send it again with a new requestId.",
                    appointmentId));
    }

    /**
     * Handles {@code command} as {@link #handle} does, but answers it from its outcome
     * first when it has one: for commands whose attempt has an effect before its
     * conditional write (such as creating a patient).
     */
    public Handled<F> handleUnlessAnswered(Command command, List<FieldViolation> violations, String appointmentId,
            Supplier<Attempt<F>> attempt) {
        Optional<Outcome> earlier = outcomes.find(command.requestId());
        return earlier.isPresent() ? answerAgain(earlier.get(), command)
                : handle(command, violations, appointmentId, attempt);
    }

    private Optional<Handled<F>> decide(Command command, Attempt<F> attempt) {
        return switch (attempt) {
            case Attempt.Written<F> written -> Optional.of(Handled.of(written.outcome(), written.facts()));
            case Attempt.Refused<F> refused ->
                Optional.of(refuse(command, refused.reason(), refused.message(), refused.appointmentId()));
            case Attempt.AlreadyRecorded<F> recorded -> Optional.of(answerAgain(outcomes.find(command.requestId())
                .orElseThrow(
                        () -> new IllegalStateException("No outcome for " + command.requestId() + " after a conflict")),
                    command));
            case Attempt.Changed<F> changed -> Optional.empty();
        };
    }

    private Handled<F> refuse(Command command, ReasonCode reason, String message, String appointmentId) {
        Outcome rejected = Outcome
            .rejected(command.requestId(), command.type(), command.fingerprint(), reason, message, appointmentId,
                    clock.instant())
            .withPatientId(command.patientId());
        Outcome standing = outcomes.record(rejected);
        // Recorded before (this command delivered again, or another under its requestId):
        // that outcome answers.
        return standing == rejected ? Handled.of(rejected, List.of()) : answerAgain(standing, command);
    }

    private Handled<F> answerAgain(Outcome earlier, Command command) {
        if (!earlier.sameCommand(command.fingerprint())) {
            return Handled.duplicate(earlier, outcomes.recordLater(command.requestId(),
                    earlier.refusal(command.type(), command.fingerprint(), clock.instant())));
        }
        if (earlier.status() != OutcomeStatus.ACCEPTED || earlier.appointmentId() == null) {
            return Handled.of(earlier, List.of());
        }
        List<F> stored = earlier.facts() == null ? null
                : earlier.facts().stream().map(fact -> json.readValue(fact, factType)).toList();
        return Handled.of(earlier, replay.factsAgain(earlier, stored));
    }

}
