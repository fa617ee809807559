package se.kommun.kvalitet.security;

import java.util.List;

class UnsafeProductionConfigurationException extends IllegalStateException {

    private final List<String> problems;

    UnsafeProductionConfigurationException(List<String> problems) {
        super("The prod profile refuses to start: " + String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
