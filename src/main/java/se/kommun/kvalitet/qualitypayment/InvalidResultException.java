package se.kommun.kvalitet.qualitypayment;

import java.util.List;
import se.kommun.kvalitet.shared.FieldError;

/** A result that cannot be stored; nothing of it is. */
class InvalidResultException extends RuntimeException {

    private final transient List<FieldError> errors;

    InvalidResultException(List<FieldError> errors) {
        super("Ogiltigt resultat / invalid result: " + errors);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
