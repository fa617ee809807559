package se.kommun.kvalitet.statistics;

import java.util.List;

import se.kommun.kvalitet.shared.FieldError;

/** An uploaded Kolada file refused as a whole, with every problem found in it. */
class InvalidKoladaFileException extends RuntimeException {

    private final transient List<FieldError> errors;

    InvalidKoladaFileException(List<FieldError> errors) {
        super(errors.size() + " problem(s) in the Kolada file");
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
