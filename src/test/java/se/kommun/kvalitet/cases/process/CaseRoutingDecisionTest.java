package se.kommun.kvalitet.cases.process;

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

    /** Columns: rule, inputs, then the outputs in table order (groups, priority, SLA and its two offsets). */
    @ParameterizedTest(name = "{0}: {1}/{2}")
    @CsvSource({
            "winter road,                FAULT_REPORT, WINTER_ROAD,        streetsOfficers,   streetsManagers,   HIGH,   1, 2, 5",
            "pothole,                    FAULT_REPORT, POTHOLE,            streetsOfficers,   streetsManagers,   HIGH,   2, 2, 5",
            "other fault,                FAULT_REPORT, STREET_LIGHT,       streetsOfficers,   streetsManagers,   NORMAL, 5, 2, 5",
            "question,                   QUESTION,     CULTURE_LEISURE,    serviceOfficers,   serviceManagers,   NORMAL, 2, 2, 5",
            "care,                       COMPLAINT,    ELDERLY_CARE,       careOfficers,      careManagers,      NORMAL, 10, 2, 5",
            "care (disability support),  SUGGESTION,   DISABILITY_SUPPORT, careOfficers,      careManagers,      NORMAL, 10, 2, 5",
            "school transport complaint, COMPLAINT,    SCHOOL_TRANSPORT,   educationOfficers, educationManagers, HIGH,   5, 2, 5",
            "school (transport praise),  PRAISE,       SCHOOL_TRANSPORT,   educationOfficers, educationManagers, NORMAL, 10, 2, 5",
            "school,                     COMPLAINT,    SCHOOL,             educationOfficers, educationManagers, NORMAL, 10, 2, 5",
            "streets,                    SUGGESTION,   STREETS_PARKS,      streetsOfficers,   streetsManagers,   NORMAL, 10, 2, 5",
            "fallback,                   COMPLAINT,    OTHER,              serviceOfficers,   serviceManagers,   NORMAL, 10, 2, 5",
    })
    void routesEachKindOfCase(String rule, String caseType, String category, String candidateGroup,
            String managerGroup, String priority, int slaWorkingDays, int reminderDaysBefore,
            int secondEscalationDaysAfter) {
        DmnDecisionRuleResult result = ENGINE.evaluateDecisionTable(decision,
                Map.<String, Object>of("caseType", caseType, "category", category)).getSingleResult();

        assertThat(result.getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "candidateGroup", candidateGroup,
                "managerGroup", managerGroup,
                "priority", priority,
                "slaWorkingDays", slaWorkingDays,
                "reminderDaysBefore", reminderDaysBefore,
                "secondEscalationDaysAfter", secondEscalationDaysAfter));
    }
}
