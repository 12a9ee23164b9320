package dev.appointments.request.intake;

import java.util.List;

import dev.appointments.model.FieldViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The intake's RFC 9457 answers: a title for people, a detail sentence, and where it
 * helps the offending fields or the reason code of a refused command, so that a client
 * can act on the answer without parsing the sentence.
 */
final class Problems {

    private Problems() {
    }

    static ResponseEntity<ProblemDetail> of(HttpStatus status, String title, String detail) {
        return of(status, title, detail, List.of());
    }

    static ResponseEntity<ProblemDetail> of(HttpStatus status, String title, String detail,
            List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!violations.isEmpty()) {
            problem.setProperty("violations", violations);
        }
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * A refused command: the problem carries the outcome's reason code and the command's
     * requestId.
     */
    static ProblemDetail refusal(HttpStatus status, String title, String detail, String reason, String requestId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("reason", reason);
        problem.setProperty("requestId", requestId);
        return problem;
    }

}
