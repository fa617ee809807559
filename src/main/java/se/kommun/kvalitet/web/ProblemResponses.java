package se.kommun.kvalitet.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** A broken multipart body is the client's fault (400), not the 500 Spring would otherwise answer. */
@RestControllerAdvice
class ProblemResponses {

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> brokenMultipart(MultipartException ex) {
        if (ex instanceof MaxUploadSizeExceededException) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                    "too-large", "För stor begäran / request too large", "Filen eller begäran är för stor."));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-multipart",
                "Ogiltig begäran / invalid request", "Begäran kunde inte läsas som multipart/form-data."));
    }
}
