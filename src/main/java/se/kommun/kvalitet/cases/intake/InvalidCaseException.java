package se.kommun.kvalitet.cases.intake;

import org.springframework.validation.Errors;

/** A refused matter, with every field that broke a rule. */
public class InvalidCaseException extends RuntimeException {

    private final transient Errors errors;

    InvalidCaseException(Errors errors) {
        super("Invalid case: " + errors.getErrorCount() + " error(s)");
        this.errors = errors;
    }

    public Errors errors() {
        return errors;
    }
}
