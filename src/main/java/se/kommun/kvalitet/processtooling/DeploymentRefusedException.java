package se.kommun.kvalitet.processtooling;

import java.util.List;

/** The engine refused a file (it does not parse); nothing was deployed. */
class DeploymentRefusedException extends RuntimeException {

    /** @param line 0 when the engine names no line */
    record Error(String resource, String element, int line, String message) {
    }

    private final List<Error> errors;

    DeploymentRefusedException(List<Error> errors) {
        super("Deployment refused: " + errors);
        this.errors = List.copyOf(errors);
    }

    List<Error> errors() {
        return errors;
    }
}
