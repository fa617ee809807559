package se.kommun.kvalitet.statistics;

import java.util.List;

import se.kommun.kvalitet.shared.FieldError;

/** A styrkort goal refused as a whole, with every wrong field. */
class InvalidScorecardException extends RuntimeException {

    private final transient List<FieldError> errors;

    InvalidScorecardException(List<FieldError> errors) {
        super(errors.size() + " field(s) to correct in the goal");
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
