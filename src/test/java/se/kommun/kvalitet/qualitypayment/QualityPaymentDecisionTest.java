package se.kommun.kvalitet.qualitypayment;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/quality-payment.dmn on the standalone DMN engine, on both sides of every edge of the three criteria
 * (continuity median ≤ 12, hourly-paid share ≤ 15 %, assistant-nurse share ≥ 50 %; the edges count as met).
 */
class QualityPaymentDecisionTest {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        try (InputStream dmn = Files.newInputStream(Path.of("processes/quality-payment.dmn"))) {
            decision = ENGINE.parseDecision("qualityPayment", dmn);
        }
    }

    @ParameterizedTest(name = "continuity {0}, hourly {1} %, nurses {2} % -> level {3}, {4} kr/h")
    @CsvSource({
            // all three met, each exactly at its edge
            "12,    15,    50,    2, 23",
            "0,     0,     100,   2, 23",
            // criterion 1 just missed: nothing, whatever the others
            "12.01, 15,    50,    0, 0",
            "13,    0,     100,   0, 0",
            // criterion 1 and 2 met, criterion 3 just missed
            "12,    15,    49.99, 1, 10",
            // criterion 1 and 3 met, criterion 2 just missed
            "12,    15.01, 50,    1, 10",
            // only criterion 1
            "12,    15.01, 49.99, 0, 0",
            // criteria 2 and 3 without 1
            "12.5,  15,    50,    0, 0",
            // a typical provider per level
            "8,     9.5,   72,    2, 23",
            "11,    30,    61,    1, 10",
            "14,    5,     80,    0, 0",
    })
    void eachEdgeOfTheCriteria(double continuityMedian, double hourlyStaffShare, double assistantNurseShare,
            int level, double ratePerHour) {
        DmnDecisionRuleResult result = ENGINE.evaluateDecisionTable(decision, Map.<String, Object>of(
                "continuityMedian", continuityMedian, "hourlyStaffShare", hourlyStaffShare,
                "assistantNurseShare", assistantNurseShare)).getFirstResult();

        assertThat(result.getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "level", level, "ratePerHour", ratePerHour));
    }
}
