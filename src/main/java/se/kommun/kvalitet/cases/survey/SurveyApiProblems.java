package se.kommun.kvalitet.cases.survey;

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

/** Problem responses: an unknown token and a used or expired one say nothing about the case. */
@RestControllerAdvice(assignableTypes = SurveyApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SurveyApiProblems {

    private final MessageSource messages;

    SurveyApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(SurveyNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Enkäten finns inte / survey not found", "Länken gäller ingen enkät."));
    }

    @ExceptionHandler(SurveyClosedException.class)
    ResponseEntity<ProblemDetail> gone() {
        return ResponseEntity.status(HttpStatus.GONE).body(Problems.of(HttpStatus.GONE, "survey-closed",
                "Enkäten är stängd / survey closed",
                "Enkäten är redan besvarad eller har gått ut. / The survey was answered already or has expired."));
    }

    @ExceptionHandler(InvalidSurveyAnswerException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSurveyAnswerException ex) {
        List<Map<String, String>> errors = ex.errors().getFieldErrors().stream().map(this::describe).toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation",
                "Ogiltigt svar / invalid answer", errors.size() == 1 ? errors.get(0).get("message")
                        : errors.size() + " fält behöver rättas.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private Map<String, String> describe(FieldError error) {
        return Map.of("field", error.getField(), "rule", error.getCode(),
                "message", messages.getMessage(error, LocaleContextHolder.getLocale()));
    }
}
