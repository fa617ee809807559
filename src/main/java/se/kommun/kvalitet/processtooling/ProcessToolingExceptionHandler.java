package se.kommun.kvalitet.processtooling;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.kommun.kvalitet.web.Problems;

/** Problem responses for the process owners' API; the engine's own messages name file, element and line. */
@RestControllerAdvice(assignableTypes = {DeploymentController.class, MigrationController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProcessToolingExceptionHandler {

    @ExceptionHandler(DeploymentRefusedException.class)
    ResponseEntity<ProblemDetail> refused(DeploymentRefusedException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "deployment-refused",
                "Driftsättningen nekades / deployment refused",
                "Motorn kunde inte läsa " + ex.errors().size() + " fel i filerna. Inget har driftsatts.");
        problem.setProperty("errors", ex.errors());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ProcessDirectoryMissingException.class)
    ResponseEntity<ProblemDetail> directoryMissing(ProcessDirectoryMissingException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT,
                "process-directory-missing", "Katalogen finns inte / directory not found",
                "Katalogen " + ex.directory() + " finns inte på servern (kvalitet.process-tooling.*-directory)."));
    }

    @ExceptionHandler(ProcessNotFoundException.class)
    ResponseEntity<ProblemDetail> processNotFound(ProcessNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Processen finns inte / process not found",
                "Det finns ingen driftsatt process med nyckeln '" + ex.processKey() + "'."));
    }
}
