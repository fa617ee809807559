package se.kommun.kvalitet.e2e;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.actionplans.ActionPlan;
import se.kommun.kvalitet.actionplans.ActionPlans;
import se.kommun.kvalitet.actionplans.ProposedMeasure;
import se.kommun.kvalitet.contracts.process.ContractFollowUpProcess;
import se.kommun.kvalitet.contracts.process.FollowUps;
import se.kommun.kvalitet.contracts.register.ContractRegister;
import se.kommun.kvalitet.contracts.register.NewContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Klara follows up a supplier's measures in Tasklist and judges each on its own: she ticks the one that is carried
 * out; the other stays not remedied. The checklist's options come from the plan (a server-written variable), and
 * Tasklist submits the ticked ones as a Json variable that the engine's client guard checks against them.
 */
@KvalitetIntegrationTest
class ContractFollowUpBrowserTest {

    private static final String PASSWORD = "Demo-Kvalitet-2026!";

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    ContractRegister register;

    @Autowired
    FollowUps followUps;

    @Autowired
    ActionPlans actionPlans;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    Clock clock;

    @Test
    void eachMeasureIsJudgedOnItsOwnInTasklist() {
        String number = "B-" + UUID.randomUUID().toString().substring(0, 8);
        register.register(new NewContract(number, "Hemtjänst " + number, "Omsorg i Norr AB", "556016-0680",
                "HOME_CARE", "vardOmsorgNamnd", true, "2026-01-01", "2027-12-31", null, "avtal@omsorg-norr.example",
                "klara", "P6M"), "klara");
        followUps.requestNow(number, "klara");
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult();
        Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
        tasklist.logIn("klara", PASSWORD);

        taskService.complete(task(pi).getId(), Map.of("overallResult", "DEFICIENT", "deficiencies",
                "kvalitetsledningssystem: Rutiner för egenkontroll saknas.\n"
                        + "tidsregistrering: Besökstider registreras i efterhand."));
        executeJob(pi);
        long planId = (Long) runtimeService.getVariable(pi.getId(), ContractFollowUpProcess.ACTION_PLAN_ID.name());
        assertThat(actionPlans.require(planId).measures()).extracting(ActionPlan.Measure::area)
                .containsExactly("kvalitetsledningssystem", "tidsregistrering");
        String link = actionPlans.link(planId);
        LocalDate due = LocalDate.now(clock).plusMonths(2);
        actionPlans.submit(planId, link.substring(link.indexOf("token=") + 6), List.of(
                new ProposedMeasure(1, "Inför egenkontroll varje månad.", "Eva Ek", due),
                new ProposedMeasure(2, "Registrering i appen vid varje besök.", "Ali Nur", due)));
        taskService.complete(task(pi).getId(), Map.of("planApproved", true));
        executeJob(pi);

        tasklist.openTask(task(pi).getId());
        tasklist.claim();
        By first = By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(),"
                + "'1. kvalitetsledningssystem: Inför egenkontroll')]//input[@type='checkbox']");
        browser.clickInPage(first);
        browser.waitUntil(driver -> driver.findElement(first).isSelected());
        browser.screenshot("verdicts");
        tasklist.complete();

        assertThat(actionPlans.require(planId).measures()).extracting(ActionPlan.Measure::remedied)
                .containsExactly(true, false);
        assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("decideEscalation");
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    /** The one job the instance waits on (the plan request, then the measures' follow-up date), fired by hand. */
    private void executeJob(ProcessInstance pi) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId())
                .singleResult().getId());
    }
}
