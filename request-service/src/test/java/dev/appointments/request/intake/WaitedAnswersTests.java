package dev.appointments.request.intake;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import dev.appointments.model.ReasonCode;
import dev.appointments.store.outcome.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status a waiting client gets for each outcome: the refusals about the state of
 * things are conflicts, the others unprocessable, and every refusal carries its reason
 * code.
 */
class WaitedAnswersTests {

    private static final Instant AT = Instant.parse("2027-03-01T12:00:00Z");

    private static final URI BASE = URI.create("http://query");

    private static final URI OUTCOME = URI.create("http://query/api/appointment-requests/r-1");

    private final WaitedAnswers answers = new WaitedAnswers(BASE, OUTCOME, "fp", Duration.ofSeconds(5));

    @ParameterizedTest
    @CsvSource({ "SLOT_UNAVAILABLE, 409", "ILLEGAL_TRANSITION, 409", "CHANGED_CONCURRENTLY, 409",
            "OUTSIDE_SCHEDULE, 422", "UNKNOWN_APPOINTMENT, 422", "TOO_SHORT_NOTICE, 422", "INVALID, 422" })
    void refusalsAreAnsweredByTheirKind(String reason, int status) {
        ResponseEntity<?> answer = answers
            .answer(Outcome.rejected("r-1", "CancelAppointment", "fp", ReasonCode.valueOf(reason), "No.", "a-1", AT));

        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("reason", reason)
            .containsEntry("requestId", "r-1");
        assertThat(answer.getHeaders().getFirst("Preference-Applied")).isEqualTo("wait=5");
    }

    @Test
    void aBookingIsCreatedAndAnyOtherCommandIsOk() {
        ResponseEntity<?> booked = answers
            .answer(Outcome.accepted("r-1", "RequestAppointment", "fp", "a-1", "Booked.", AT));
        ResponseEntity<?> confirmed = answers
            .answer(Outcome.accepted("r-1", "ConfirmAppointment", "fp", "a-1", "Now CONFIRMED.", AT));

        assertThat(booked.getStatusCode().value()).isEqualTo(201);
        assertThat(booked.getHeaders().getLocation()).hasToString("http://query/api/appointments/a-1");
        assertThat(confirmed.getStatusCode().value()).isEqualTo(200);
        assertThat(confirmed.getHeaders().getFirst("Content-Location")).isEqualTo(OUTCOME.toString());
    }

    @Test
    void anOutcomeOfAnotherCommandIsNotShown() {
        ResponseEntity<?> answer = answers
            .answer(Outcome.accepted("r-1", "CancelAppointment", "other", "a-1", "Cancelled.", AT));

        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("reason", "DUPLICATE_REQUEST_ID")
            .doesNotContainKey("appointmentId");
    }

}
