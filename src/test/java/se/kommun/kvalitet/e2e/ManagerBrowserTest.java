package se.kommun.kvalitet.e2e;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Maria, manager, finds a case whose due date has passed: the escalation put it in her group's hands. */
@KvalitetIntegrationTest
class ManagerBrowserTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Test
    void seesTheEscalatedTaskWhenTheDueDateHasPassed() throws Exception {
        ResponseEntity<String> submitted = http.postForEntity("/api/cases", Map.of("type", "COMPLAINT",
                "category", "ELDERLY_CARE", "description", "Ingen har hört av sig om min mammas trygghetslarm.",
                "language", "sv"), String.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = json.readTree(submitted.getBody()).get("reference").asText();
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();
        Job dueDate = managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId("dueDateReached").singleResult();
        assertThat(dueDate.getDuedate()).isInTheFuture();

        // Time moves forward the way an operator would move it: the timer fires through the engine REST API.
        ResponseEntity<String> executed = http.withBasicAuth("admin", "Lokal-Start-2026!")
                .postForEntity("/engine-rest/job/" + dueDate.getId() + "/execute", null, String.class);
        assertThat(executed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // The timer hands the escalation to a job of its own (retried alone if the mail fails), run the same way.
        Job escalation = managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId("escalateToManager").singleResult();
        assertThat(http.withBasicAuth("admin", "Lokal-Start-2026!").postForEntity("/engine-rest/job/"
                + escalation.getId() + "/execute", null, String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains("careOfficers", "careManagers");

        Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
        tasklist.logIn("maria", "Demo-Kvalitet-2026!");
        browser.screenshot("tasklist");
        tasklist.openTask(task.getId());
        assertThat(browser.text(By.cssSelector("[cam-tasklist-task] h2.task"))).isEqualTo(task.getName());
        // Maria may take the case herself: her group is a candidate now.
        browser.visible(Tasklist.CLAIM);
        browser.screenshot("escalated-task");
    }
}
