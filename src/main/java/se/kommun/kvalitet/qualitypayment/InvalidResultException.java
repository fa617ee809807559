package se.kommun.kvalitet.qualitypayment;

import java.util.List;

/** A result that cannot be stored; nothing of it is. */
class InvalidResultException extends RuntimeException {

    private final transient List<ResultError> errors;

    InvalidResultException(List<ResultError> errors) {
        super("Ogiltigt resultat / invalid result: " + errors);
        this.errors = List.copyOf(errors);
    }

    List<ResultError> errors() {
        return errors;
    }
}
