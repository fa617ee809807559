package se.kommun.kvalitet.deviations.intake;

import java.util.List;
import java.util.stream.Collectors;
import se.kommun.kvalitet.shared.FieldError;

/** A report or a step's input that was refused; nothing was stored. Each error names its field and rule. */
public class InvalidDeviationException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidDeviationException(List<FieldError> errors) {
        super(errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public static InvalidDeviationException of(String field, String rule, String message) {
        return new InvalidDeviationException(List.of(new FieldError(field, rule, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
