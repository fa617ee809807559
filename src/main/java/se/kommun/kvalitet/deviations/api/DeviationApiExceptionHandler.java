package se.kommun.kvalitet.deviations.api;


import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.kommun.kvalitet.deviations.intake.InvalidDeviationException;
import se.kommun.kvalitet.deviations.record.DeviationNotFoundException;
import se.kommun.kvalitet.web.Problems;

/** Problem responses for the deviation API: every refused field named with its rule and message. */
@RestControllerAdvice(assignableTypes = DeviationApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeviationApiExceptionHandler {

    @ExceptionHandler(InvalidDeviationException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDeviationException ex) {
        return ResponseEntity.badRequest().body(Problems.invalidFields("Ogiltig avvikelse / invalid deviation", ex.errors()));
    }

    @ExceptionHandler(DeviationNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(DeviationNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Avvikelsen finns inte / no such deviation", "Det finns ingen avvikelse med det numret."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Avvikelsen är inte din att läsa / not yours to read", "Avvikelser läses av enhetens chefer, "
                        + "kvalitetssamordnare, MAS (lex Maria) och processägare."));
    }
}
