package se.kommun.kvalitet.cases.api;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.kommun.kvalitet.cases.attachments.CaseAttachments;
import se.kommun.kvalitet.cases.attachments.InvalidAttachmentException;
import se.kommun.kvalitet.cases.intake.IdempotencyKeyReusedException;
import se.kommun.kvalitet.cases.intake.InvalidCaseException;
import se.kommun.kvalitet.cases.intake.InvalidIdempotencyKeyException;
import se.kommun.kvalitet.cases.record.CaseNotFoundException;
import se.kommun.kvalitet.web.Problems;

/** Problem responses for the case API: every refused field is named with its rule and a readable message. */
@RestControllerAdvice(assignableTypes = CaseApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseApiExceptionHandler {

    private final MessageSource messages;

    CaseApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidCaseException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCaseException ex) {
        List<Map<String, String>> errors = ex.errors().getFieldErrors().stream().map(this::describe).toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation",
                "Ogiltigt ärende / invalid case", errors.size() == 1 ? errors.get(0).get("message")
                        : errors.size() + " fält behöver rättas.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(InvalidAttachmentException.class)
    ResponseEntity<ProblemDetail> invalidAttachment(InvalidAttachmentException ex) {
        String message = messages.getMessage("attachment." + ex.rule(),
                new Object[] {String.join(", ", CaseAttachments.allowedExtensions())}, LocaleContextHolder.getLocale());
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Bilagan togs inte emot", message);
        problem.setProperty("errors", List.of(Map.of("field", "file", "rule", ex.rule(), "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException ex) {
        return ResponseEntity.unprocessableEntity().body(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY,
                "idempotency-key-reused", "Idempotency-Key återanvänd",
                "Samma Idempotency-Key skickades tidigare med ett annat innehåll."));
    }

    @ExceptionHandler(InvalidIdempotencyKeyException.class)
    ResponseEntity<ProblemDetail> invalidKey(InvalidIdempotencyKeyException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Ogiltig Idempotency-Key",
                "Idempotency-Key ska vara 1–200 tecken.");
        problem.setProperty("errors", List.of(Map.of("field", "Idempotency-Key", "rule", "size",
                "message", "Idempotency-Key ska vara 1–200 tecken.")));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CaseNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Ärendet finns inte", "Det finns inget ärende med det diarienumret."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Ärendet tillhör en annan enhet", "Du kan bara läsa ärenden som din enhet handlägger."));
    }

    private Map<String, String> describe(FieldError error) {
        String rule = error.getCodes() == null ? error.getCode() : error.getCodes()[error.getCodes().length - 1];
        return Map.of("field", error.getField(), "rule", rule,
                "message", messages.getMessage(error, LocaleContextHolder.getLocale()));
    }
}
