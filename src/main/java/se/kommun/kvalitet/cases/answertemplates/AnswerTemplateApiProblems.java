package se.kommun.kvalitet.cases.answertemplates;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.kommun.kvalitet.web.Problems;

@RestControllerAdvice(assignableTypes = AnswerTemplateApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnswerTemplateApiProblems {

    private final MessageSource messages;

    AnswerTemplateApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(AnswerTemplateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Svarsmallen finns inte", "Det finns ingen svarsmall med det id:t."));
    }

    @ExceptionHandler(InvalidAnswerTemplateException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAnswerTemplateException ex) {
        List<Map<String, String>> errors = ex.errors().getFieldErrors().stream().map(this::describe).toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Ogiltig svarsmall",
                errors.size() == 1 ? errors.get(0).get("message") : errors.size() + " fält behöver rättas.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private Map<String, String> describe(FieldError error) {
        return Map.of("field", error.getField(), "rule", error.getCode(),
                "message", messages.getMessage(error, LocaleContextHolder.getLocale()));
    }
}
