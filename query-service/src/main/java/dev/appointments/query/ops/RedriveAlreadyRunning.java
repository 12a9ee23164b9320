package dev.appointments.query.ops;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * SQS runs one message move task per dead-letter queue at a time: 409, naming the running
 * one.
 */
class RedriveAlreadyRunning extends ErrorResponseException {

    RedriveAlreadyRunning(RedriveView running) {
        super(HttpStatus.CONFLICT, problem(running), null);
    }

    private static ProblemDetail problem(RedriveView running) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A redrive of %s is already running (%d of %s moved); follow it at /api/ops/redrives/%s.".formatted(
                        running.deadLetterQueue(), running.moved(), running.toMove() == null ? "?" : running.toMove(),
                        running.id()));
        problem.setTitle("Redrive already running");
        problem.setProperty("redriveId", running.id());
        return problem;
    }

}
