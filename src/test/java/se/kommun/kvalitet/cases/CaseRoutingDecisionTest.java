package se.kommun.kvalitet.cases;

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

/** processes/case-routing.dmn on the standalone DMN engine: each rule in table order (hit policy FIRST). */
class CaseRoutingDecisionTest {

    private static final DmnEngine ENGINE =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        try (InputStream dmn = Files.newInputStream(Path.of("processes/case-routing.dmn"))) {
            decision = ENGINE.parseDecision("caseRouting", dmn);
        }
    }

    @ParameterizedTest(name = "{0}: {1}/{2}")
    @CsvSource({
            "winter road,                FAULT_REPORT, WINTER_ROAD,        streetsOfficers,   streetsManagers,   HIGH,   1",
            "pothole,                    FAULT_REPORT, POTHOLE,            streetsOfficers,   streetsManagers,   HIGH,   2",
            "other fault,                FAULT_REPORT, STREET_LIGHT,       streetsOfficers,   streetsManagers,   NORMAL, 5",
            "question,                   QUESTION,     CULTURE_LEISURE,    serviceOfficers,   serviceManagers,   NORMAL, 2",
            "care,                       COMPLAINT,    ELDERLY_CARE,       careOfficers,      careManagers,      NORMAL, 10",
            "care (disability support),  SUGGESTION,   DISABILITY_SUPPORT, careOfficers,      careManagers,      NORMAL, 10",
            "school transport complaint, COMPLAINT,    SCHOOL_TRANSPORT,   educationOfficers, educationManagers, HIGH,   5",
            "school (transport praise),  PRAISE,       SCHOOL_TRANSPORT,   educationOfficers, educationManagers, NORMAL, 10",
            "school,                     COMPLAINT,    SCHOOL,             educationOfficers, educationManagers, NORMAL, 10",
            "streets,                    SUGGESTION,   STREETS_PARKS,      streetsOfficers,   streetsManagers,   NORMAL, 10",
            "fallback,                   COMPLAINT,    OTHER,              serviceOfficers,   serviceManagers,   NORMAL, 10",
    })
    void routesEachKindOfCase(String rule, String caseType, String category, String candidateGroup,
            String managerGroup, String priority, int slaWorkingDays) {
        DmnDecisionRuleResult result = ENGINE.evaluateDecisionTable(decision,
                Map.<String, Object>of("caseType", caseType, "category", category)).getSingleResult();

        assertThat(result.getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "candidateGroup", candidateGroup,
                "managerGroup", managerGroup,
                "priority", priority,
                "slaWorkingDays", slaWorkingDays));
    }
}
