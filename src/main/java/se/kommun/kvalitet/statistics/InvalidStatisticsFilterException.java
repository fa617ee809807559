package se.kommun.kvalitet.statistics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import se.kommun.kvalitet.web.Problems;

/** A filter the figures cannot be computed for; the message names the parameter and says what is wrong. */
class InvalidStatisticsFilterException extends RuntimeException {

    private final String parameter;

    InvalidStatisticsFilterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }

    /** The one 400 every statistics endpoint answers with, naming the parameter. */
    ProblemDetail problem() {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Ogiltigt urval / invalid filter",
                getMessage());
        problem.setProperty("parameter", parameter);
        return problem;
    }
}
