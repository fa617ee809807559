package se.kommun.kvalitet.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the start guard's refusal into Spring Boot's "APPLICATION FAILED TO START" report. */
class UnsafeProductionConfigurationFailureAnalyzer
        extends AbstractFailureAnalyzer<UnsafeProductionConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionConfigurationException cause) {
        return new FailureAnalysis(
                "Vägrar starta med extern databas eller profilen prod / refusing to start with an external "
                        + "database or the prod profile:\n  - "
                        + String.join("\n  - ", cause.problems()),
                "Set the environment variables named above (see README.md, 'Production').", cause);
    }
}
