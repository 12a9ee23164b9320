package dev.appointments.query.ops;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A queue name the ops API does not watch: 404, with the names it does know.
 */
class UnknownQueue extends ErrorResponseException {

    UnknownQueue(String name, List<String> known) {
        super(HttpStatus.NOT_FOUND, problem(name, known), null);
    }

    private static ProblemDetail problem(String name, List<String> known) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No watched queue is named '%s'. Known queues: %s (each with its -dlq).".formatted(name,
                        String.join(", ", known)));
        problem.setTitle("Unknown queue");
        problem.setProperty("queue", name);
        problem.setProperty("knownQueues", known);
        return problem;
    }

}
