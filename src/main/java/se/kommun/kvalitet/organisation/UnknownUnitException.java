package se.kommun.kvalitet.organisation;

import java.util.List;

/**
 * A value that should name a unit's officer group names none, e.g. a submitted "Till vilken enhet?". It is the
 * caller's input that is wrong, so it maps to a refusal (4xx), not a server error.
 */
public class UnknownUnitException extends RuntimeException {

    private final String value;

    UnknownUnitException(String value, List<String> known) {
        super("Okänd enhet: '" + value + "'. Unknown unit group: " + value + " (kända enheter / known units: "
                + String.join(", ", known) + ")");
        this.value = value;
    }

    public String value() {
        return value;
    }
}
