package se.kommun.kvalitet.deviations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/deviation-risk.dmn on the standalone DMN engine: all 16 cells of the 4 × 4 matrix. */
class DeviationRiskDecisionTest {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        try (InputStream dmn = Files.newInputStream(Path.of("processes/deviation-risk.dmn"))) {
            decision = ENGINE.parseDecision("deviationRisk", dmn);
        }
    }

    /** Consequence, likelihood, then the risk level and the working days for investigation and measures. */
    @ParameterizedTest(name = "consequence {0} × likelihood {1} -> {2}, {3} days")
    @CsvSource({
            "1, 1, LOW,       20", "1, 2, LOW,       20", "1, 3, LOW,       20", "1, 4, MEDIUM,    15",
            "2, 1, LOW,       20", "2, 2, MEDIUM,    15", "2, 3, MEDIUM,    15", "2, 4, HIGH,      10",
            "3, 1, LOW,       20", "3, 2, MEDIUM,    15", "3, 3, HIGH,      10", "3, 4, VERY_HIGH,  5",
            "4, 1, MEDIUM,    15", "4, 2, HIGH,      10", "4, 3, VERY_HIGH,  5", "4, 4, VERY_HIGH,  5",
    })
    void eachCellOfTheMatrix(int consequence, int likelihood, String riskLevel, int investigationWorkingDays) {
        DmnDecisionRuleResult result = ENGINE.evaluateDecisionTable(decision,
                Map.<String, Object>of("consequence", consequence, "likelihood", likelihood)).getSingleResult();

        assertThat(result.getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "riskLevel", riskLevel, "investigationWorkingDays", investigationWorkingDays));
    }

    @Test
    void outOfRangeValuesMatchNoRule() {
        assertThat(ENGINE.evaluateDecisionTable(decision, Map.<String, Object>of("consequence", 5, "likelihood", 1))
                .getSingleResult()).isNull();
        assertThat(ENGINE.evaluateDecisionTable(decision, Map.<String, Object>of("consequence", 0, "likelihood", 2))
                .getSingleResult()).isNull();
    }
}
