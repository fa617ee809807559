package se.kommun.kvalitet.awards;

import java.util.List;
import se.kommun.kvalitet.shared.FieldError;

/**
 * Refused input to a call, an application or a score, with every error at once; thrown before anything is stored,
 * so the boundary answers it as a 400 problem detail (RFC 7807) listing {@link #errors()}.
 */
public class InvalidAwardInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    InvalidAwardInputException(List<FieldError> errors) {
        super("Refused: " + errors.stream().map(e -> e.field() + " " + e.rule()).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
