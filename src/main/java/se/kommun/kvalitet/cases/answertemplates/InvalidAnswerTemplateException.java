package se.kommun.kvalitet.cases.answertemplates;

import org.springframework.validation.Errors;

/** A template with fields to fix; nothing was saved. */
class InvalidAnswerTemplateException extends RuntimeException {

    private final transient Errors errors;

    InvalidAnswerTemplateException(Errors errors) {
        super("Invalid answer template: " + errors.getFieldErrors());
        this.errors = errors;
    }

    Errors errors() {
        return errors;
    }
}
