package se.kommun.kvalitet.cases;

import org.springframework.validation.Errors;

/** A refused matter, with every field that broke a rule. */
class InvalidCaseException extends RuntimeException {

    private final transient Errors errors;

    InvalidCaseException(Errors errors) {
        super("Invalid case: " + errors.getErrorCount() + " error(s)");
        this.errors = errors;
    }

    Errors errors() {
        return errors;
    }
}
