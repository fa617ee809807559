package se.kommun.kvalitet.reliability;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kommun.kvalitet.reliability.FaultRig.DEMO_PASSWORD;
import static se.kommun.kvalitet.reliability.FaultRig.OFFICER;
import static se.kommun.kvalitet.reliability.FaultRig.send;

/**
 * An officer's completion with a value that cannot be used (reroute to a unit that does not exist) is a 400 naming
 * the field, never a 500 with the exception's text, and nothing of it stays: the task is still open and assigned,
 * the case carries nothing half-written. The unit the form does not offer is refused before anything runs; a reroute
 * without a unit (the form shows the unit field only for a reroute, so it cannot require it) passes the form, is
 * written by the task listener and then refused by the synchronous reroute step, and the whole completion, the
 * listener's write included, is rolled back.
 */
@KvalitetIntegrationTest
class FailureAfterUserTaskTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    JdbcTemplate jdbc;

    String reference;
    Task task;
    String engine;

    @BeforeEach
    void anInvestigationClaimedByItsOfficer() {
        String base = "http://127.0.0.1:" + port;
        reference = FaultRig.submit(base, null);
        task = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("investigate")
                .singleResult();
        engine = base + "/engine-rest/engine/" + processEngine.getName() + "/task/" + task.getId();
        assertThat(send("POST", engine + "/claim", Map.of("userId", OFFICER), OFFICER, DEMO_PASSWORD).status())
                .isEqualTo(204);
    }

    @Test
    void aUnitTheFormDoesNotOfferIsRefusedByNameBeforeAnythingRuns() {
        FaultRig.Reply refused = complete(Map.of("findings", "Gäller en annan enhet.",
                "investigationOutcome", "reroute", "rerouteTo", "noSuchGroup"));

        FaultRig.report("FailureAfterUserTaskTest: engine REST answered %d %s".formatted(refused.status(),
                refused.body()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("rerouteTo: värdet finns inte bland formulärets val",
                "rerouteTo: the value is not one of the form's options").doesNotContain("Exception:", "noSuchGroup");
        assertNothingStayed();
    }

    @Test
    void aRefusalInTheStepAfterTheTaskRollsBackTheWholeCompletion() {
        FaultRig.Reply refused = complete(Map.of("findings", "Gäller en annan enhet.",
                "investigationOutcome", "reroute"));

        FaultRig.report("FailureAfterUserTaskTest: engine REST answered %d %s".formatted(refused.status(),
                refused.body()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("rerouteTo: välj den enhet som ska ta över ärendet",
                "rerouteTo: choose the unit that is to take over the case");
        assertNothingStayed();

        // The officer corrects the form and completes the same task.
        assertThat(complete(Map.of("findings", "Schemat var fel.", "investigationOutcome", "continue")).status())
                .isEqualTo(204);
        assertThat(findings()).isEqualTo("Schemat var fel.");
        assertThat(events("INVESTIGATED")).isEqualTo(1);
    }

    private FaultRig.Reply complete(Map<String, Object> variables) {
        return send("POST", engine + "/complete", Map.of("variables", FaultRig.engineVariables(variables)), OFFICER,
                DEMO_PASSWORD);
    }

    private void assertNothingStayed() {
        Task stillOpen = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(stillOpen).as("task still open").isNotNull();
        assertThat(stillOpen.getAssignee()).isEqualTo(OFFICER);
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count()).isZero();
        assertThat(findings()).as("listener's write rolled back").isNull();
        assertThat(events("INVESTIGATED")).isZero();
        assertThat(events("REROUTED")).isZero();
        assertThat(jdbc.queryForObject("select candidate_group from app.citizen_case where reference = ?", String.class,
                reference)).isEqualTo("careOfficers");
        assertThat(taskService.getVariable(task.getId(), "investigationOutcome")).as("variables rolled back").isNull();
    }

    private String findings() {
        return jdbc.queryForObject("select findings from app.citizen_case where reference = ?", String.class, reference);
    }

    private long events(String kind) {
        return jdbc.queryForObject("""
                select count(*) from app.case_event e join app.citizen_case c on c.id = e.case_id
                where c.reference = ? and e.kind = ?""", Long.class, reference, kind);
    }
}
