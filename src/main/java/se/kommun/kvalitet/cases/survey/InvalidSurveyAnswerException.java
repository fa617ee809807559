package se.kommun.kvalitet.cases.survey;

import org.springframework.validation.Errors;

/** An answer with fields to fix; nothing was stored. */
class InvalidSurveyAnswerException extends RuntimeException {

    private final transient Errors errors;

    InvalidSurveyAnswerException(Errors errors) {
        super("Invalid survey answer: " + errors.getFieldErrors());
        this.errors = errors;
    }

    Errors errors() {
        return errors;
    }
}
