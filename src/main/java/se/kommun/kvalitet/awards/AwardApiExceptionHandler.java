package se.kommun.kvalitet.awards;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.kommun.kvalitet.web.Problems;

/** Problem responses for the awards API: every refused field with its rule. */
@RestControllerAdvice(assignableTypes = AwardApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AwardApiExceptionHandler {

    @ExceptionHandler(InvalidAwardInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAwardInputException ex) {
        return ResponseEntity.badRequest().body(Problems.invalidFields("Ogiltig utlysning / invalid call",
                ex.errors()));
    }
}
