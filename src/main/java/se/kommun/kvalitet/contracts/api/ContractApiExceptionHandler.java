package se.kommun.kvalitet.contracts.api;


import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.kommun.kvalitet.contracts.process.FollowUps;
import se.kommun.kvalitet.contracts.record.ContractNotFoundException;
import se.kommun.kvalitet.contracts.register.InvalidContractException;
import se.kommun.kvalitet.shared.CsvFile;
import se.kommun.kvalitet.web.Problems;

/** Problem responses for the contract API: every refused field named with its rule and message. */
@RestControllerAdvice(assignableTypes = ContractApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContractApiExceptionHandler {

    @ExceptionHandler(InvalidContractException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidContractException ex) {
        return ResponseEntity.badRequest().body(Problems.invalidFields("Ogiltigt avtal / invalid contract", ex.errors()));
    }

    @ExceptionHandler(CsvFile.UnreadableCsvException.class)
    ResponseEntity<ProblemDetail> unreadable(CsvFile.UnreadableCsvException ex) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "csv",
                "Filen kan inte läsas / the file cannot be read", ex.getMessage()));
    }

    @ExceptionHandler(ContractNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ContractNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Avtalet finns inte / no such contract", "Det finns inget avtal med det numret."));
    }

    @ExceptionHandler(FollowUps.FollowUpRunningException.class)
    ResponseEntity<ProblemDetail> running(FollowUps.FollowUpRunningException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "follow-up-running",
                "En uppföljning pågår redan / a follow-up is already running",
                "Avtalets uppföljning pågår eller avtalet löper inte längre."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Inte ditt avtal / not yours", "Avtal hanteras av avtalsförvaltare och processägare och läses av "
                        + "den ägande nämndens tjänstepersoner."));
    }
}
