package se.kommun.kvalitet.security;

import java.util.List;

/** Why {@link ProductionGuard} refused to start, one problem per setting to change. */
class UnsafeProductionConfigurationException extends IllegalStateException {

    private final List<String> problems;

    UnsafeProductionConfigurationException(List<String> problems) {
        super("Refusing to start with published defaults or without real servers: " + String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
