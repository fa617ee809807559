package se.kommun.kvalitet.actionplans;

import java.util.Map;

/** A plan that cannot be stored as handed in; {@code errors} maps each field (e.g. {@code measures[1].dueOn}) to why. */
public class InvalidActionPlanException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidActionPlanException(Map<String, String> errors) {
        super("Handlingsplanen kan inte tas emot / the action plan is refused: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
