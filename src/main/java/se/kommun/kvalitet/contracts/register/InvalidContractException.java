package se.kommun.kvalitet.contracts.register;

import java.util.List;
import se.kommun.kvalitet.shared.FieldError;

/** A contract that cannot be registered; nothing of it is stored. */
public class InvalidContractException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidContractException(List<FieldError> errors) {
        super("Ogiltigt avtal / invalid contract: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
