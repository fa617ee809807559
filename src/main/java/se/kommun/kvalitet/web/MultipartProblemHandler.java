package se.kommun.kvalitet.web;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Multipart bodies are parsed before a controller is chosen, so controller-scoped advice never sees their
 * errors: a malformed upload (e.g. a NUL in the file name) would otherwise end as a 500. A browser posting a form
 * with too large a file gets a page saying so, not a problem document.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartProblemHandler {

    /** The request is gone unread, so the form cannot be shown again with its texts: the page says to go back. */
    @ExceptionHandler(value = MaxUploadSizeExceededException.class, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView tooLargePage(MaxUploadSizeExceededException ex) {
        return new ModelAndView("error", Map.of("status", HttpStatus.PAYLOAD_TOO_LARGE.value()),
                HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                "too-large", "Filen är för stor / file too large", "En bilaga får vara högst 10 MB."));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformed(MultipartException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Bilagan togs inte emot",
                "Uppladdningen kunde inte läsas, till exempel för att filnamnet innehåller otillåtna tecken.");
        problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", "file", "rule", "name",
                "message", "Filnamnet eller uppladdningen är ogiltig.")));
        return ResponseEntity.badRequest().body(problem);
    }
}
