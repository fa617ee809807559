package se.kommun.kvalitet.qualitypayment;


import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.kommun.kvalitet.shared.CsvFile;
import se.kommun.kvalitet.web.Problems;

/** Problem responses for the quality-payment API: every refused field with its rule, every missing result named. */
@RestControllerAdvice(assignableTypes = QualityPaymentApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class QualityPaymentApiExceptionHandler {

    @ExceptionHandler(InvalidResultException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidResultException ex) {
        return ResponseEntity.badRequest().body(Problems.invalidFields("Ogiltigt resultat / invalid result", ex.errors()));
    }

    @ExceptionHandler(CsvFile.UnreadableCsvException.class)
    ResponseEntity<ProblemDetail> unreadable(CsvFile.UnreadableCsvException ex) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "csv",
                "Filen kan inte läsas / the file cannot be read", ex.getMessage()));
    }

    @ExceptionHandler(ResultRegister.PeriodClosedException.class)
    ResponseEntity<ProblemDetail> closed(ResultRegister.PeriodClosedException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "period-approved",
                "Perioden är beslutad / the period is decided", ex.getMessage()));
    }

    @ExceptionHandler(QualityPeriods.MissingResultsException.class)
    ResponseEntity<ProblemDetail> missing(QualityPeriods.MissingResultsException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "results-missing",
                "Resultat saknas / results missing", ex.getMessage());
        problem.setProperty("missing", ex.missing);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(QualityPeriods.PeriodRefusedException.class)
    ResponseEntity<ProblemDetail> period(QualityPeriods.PeriodRefusedException ex) {
        HttpStatus status = ex.conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(Problems.of(status, "period", "Perioden / the period",
                ex.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Inte din utförare / not yours", "Kvalitetspeng hanteras av avtalsförvaltare och processägare, och "
                        + "av enhetens tjänstepersoner för enhetens utförare."));
    }
}
