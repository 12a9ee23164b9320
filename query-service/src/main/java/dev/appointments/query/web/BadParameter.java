package dev.appointments.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request parameter is missing, malformed or in conflict with another: answered with
 * 400 and a problem naming it.
 */
public class BadParameter extends ErrorResponseException {

    private final String parameter;

    public BadParameter(String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(parameter, detail), null);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    private static ProblemDetail problem(String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad request parameter");
        problem.setProperty("parameter", parameter);
        return problem;
    }

}
