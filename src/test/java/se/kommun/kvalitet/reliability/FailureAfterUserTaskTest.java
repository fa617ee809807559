package se.kommun.kvalitet.reliability;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * The synchronous step after a user task fails (reroute to a unit that does not exist): the whole completion is
 * rolled back, including the task listener's write to the case, so the officer's task is still open and the
 * case carries nothing half-written.
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

    @Test
    void completionIsRolledBackWithTheCaseWrite() {
        String base = "http://127.0.0.1:" + port;
        String reference = FaultRig.submit(base, null);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("investigate")
                .singleResult();
        String engine = base + "/engine-rest/engine/" + processEngine.getName() + "/task/" + task.getId();
        assertThat(send("POST", engine + "/claim", Map.of("userId", OFFICER), OFFICER, DEMO_PASSWORD).status())
                .isEqualTo(204);

        FaultRig.Reply failed = send("POST", engine + "/complete", Map.of("variables", FaultRig.engineVariables(Map.of(
                "findings", "Gäller en annan enhet.", "investigationOutcome", "reroute", "rerouteTo", "noSuchGroup"))),
                OFFICER, DEMO_PASSWORD);

        FaultRig.report("FailureAfterUserTaskTest: engine REST answered %d %s".formatted(failed.status(),
                failed.body()));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).contains("Unknown unit group: noSuchGroup");
        Task stillOpen = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(stillOpen).as("task still open").isNotNull();
        assertThat(stillOpen.getAssignee()).isEqualTo(OFFICER);
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count()).isZero();
        assertThat(findings(reference)).as("listener's write rolled back").isNull();
        assertThat(events(reference, "INVESTIGATED")).isZero();
        assertThat(events(reference, "REROUTED")).isZero();
        assertThat(jdbc.queryForObject("select candidate_group from app.citizen_case where reference = ?", String.class,
                reference)).isEqualTo("careOfficers");
        assertThat(taskService.getVariable(task.getId(), "investigationOutcome")).as("variables rolled back").isNull();

        // The officer corrects the form and completes the same task.
        assertThat(send("POST", engine + "/complete", Map.of("variables", FaultRig.engineVariables(Map.of(
                "findings", "Schemat var fel.", "investigationOutcome", "continue"))), OFFICER, DEMO_PASSWORD)
                .status()).isEqualTo(204);
        assertThat(findings(reference)).isEqualTo("Schemat var fel.");
        assertThat(events(reference, "INVESTIGATED")).isEqualTo(1);
    }

    private String findings(String reference) {
        return jdbc.queryForObject("select findings from app.citizen_case where reference = ?", String.class, reference);
    }

    private long events(String reference, String kind) {
        return jdbc.queryForObject("""
                select count(*) from app.case_event e join app.citizen_case c on c.id = e.case_id
                where c.reference = ? and e.kind = ?""", Long.class, reference, kind);
    }
}
