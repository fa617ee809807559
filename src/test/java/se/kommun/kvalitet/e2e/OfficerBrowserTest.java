package se.kommun.kvalitet.e2e;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.localrun.MailText;

import static org.assertj.core.api.Assertions.assertThat;

/** Björn, case officer in Vård och omsorg, works a complaint in Tasklist from investigation to the answer. */
@KvalitetIntegrationTest
class OfficerBrowserTest {

    private static final String CITIZEN = "eva.e2e@example.se";
    private static final String ANSWER = "Vi har ändrat schemat så att hemtjänsten kommer i tid. Tack för att du hörde av dig!";

    @RegisterExtension
    final Browser browser = new Browser();

    @RegisterExtension
    final Browser queueWindow = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyMailbox() throws Exception {
        mailCatcher.purgeEmailFromAllMailboxes();
    }

    @Test
    void investigatesActsAndAnswersInTasklist() throws Exception {
        String reference = submitComplaint();
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();
        executeJob(processInstanceId, "sendAcknowledgement");
        String statusLink = CitizenMail.statusLink(
                MailText.plainText(CitizenMail.lastMailTo(mailCatcher, CITIZEN)), reference, baseUrl());
        Tasklist tasklist = new Tasklist(browser, baseUrl());

        tasklist.logIn("bjorn", "Demo-Kvalitet-2026!");
        browser.screenshot("tasklist");
        Task investigate = currentTask(processInstanceId, "investigate");
        // A second window shows the unit's queue, the saved filter "Min grupps ärenden", with the case in it (the
        // server puts the reference after each task's name); the first works the task, undisturbed by the list's
        // refreshes.
        new Tasklist(queueWindow, baseUrl()).logIn("bjorn", "Demo-Kvalitet-2026!");
        queueWindow.clickInPage(By.xpath(
                "//div[contains(@class,'task-filter')][.//*[normalize-space(text())='Min grupps ärenden']]"));
        queueWindow.waitUntil(driver -> driver.findElements(By.cssSelector(".tasks-list h4.task")).stream()
                .anyMatch(name -> name.getText().strip().equals("Utreda och dokumentera – " + reference)));
        queueWindow.screenshot("queue-window-group-filter-shows-the-case");

        tasklist.openTask(investigate.getId());
        browser.screenshot("investigate-opened");
        tasklist.claim();
        assertThat(browser.text(Tasklist.FORM)).contains(reference, "Vad har utredningen visat?");
        assertThat(taskService.createTaskQuery().taskId(investigate.getId()).singleResult().getAssignee())
                .isEqualTo("bjorn");
        browser.screenshot("investigate-claimed");
        tasklist.fillText("investigate_case_findings", "Schemat för hemtjänsten var fel i två veckor.");
        tasklist.choose("investigate_case_investigationOutcome", "Ärendet kan åtgärdas och besvaras");
        browser.screenshot("investigate-filled");
        tasklist.complete();

        Task act = currentTask(processInstanceId, "act");
        tasklist.openTask(act.getId());
        tasklist.claim();
        tasklist.fillText("act_on_case_measures", "Schemat rättat och personalen informerad.");
        tasklist.choose("act_on_case_rootCause", "Rutin följdes inte");
        browser.screenshot("act-filled");
        tasklist.complete();

        Task feedback = currentTask(processInstanceId, "giveFeedback");
        tasklist.openTask(feedback.getId());
        tasklist.claim();
        // Picking the category's svarsmall puts its text, filled in with the case and the officer who took the task,
        // into the answer; she adds a line and sends. The mail and the status page carry her final text.
        assertThat(browser.text(By.cssSelector(".fjs-container"))).contains("Tack, vi har åtgärdat");
        tasklist.choose("give_feedback_feedbackTemplate", "Tack, vi har åtgärdat");
        String filled = browser.waitUntil(driver -> {
            String value = tasklist.value("give_feedback_feedback");
            return value.contains("Björn Berg, Vård och omsorg") ? value : null;
        });
        assertThat(filled).contains(reference).doesNotContain("{handläggare}", "{referens}");
        String answerText = filled + "\n\n" + ANSWER;
        tasklist.fillText("give_feedback_feedback", answerText);
        browser.screenshot("feedback-filled");
        tasklist.complete();
        browser.screenshot("all-done");

        assertThat(jdbc.queryForObject("select detail from app.case_event e join app.citizen_case c on c.id = e.case_id "
                + "where c.reference = ? and e.kind = 'ANSWER_TEMPLATE_USED'", String.class, reference))
                .endsWith(" Tack, vi har åtgärdat");
        assertThat(runtimeService.getVariables(processInstanceId)).containsAllEntriesOf(Map.of(
                "investigationOutcome", "continue", "rootCause", "ROUTINE_NOT_FOLLOWED", "feedback", answerText));
        // The feedback mail is an async step and the job executor is off in tests.
        executeJob(processInstanceId, "sendFeedback");
        MimeMessage answer = CitizenMail.lastMailTo(mailCatcher, CITIZEN);
        assertThat(answer.getSubject()).contains(reference);
        assertThat(MailText.plainText(answer)).contains(filled.lines().findFirst().orElseThrow(), ANSWER);

        browser.open(statusLink);
        assertThat(browser.text(By.cssSelector(".feedback"))).contains(filled.lines().findFirst().orElseThrow(), ANSWER);
        assertThat(browser.text(By.cssSelector(".facts"))).contains("Avslutat");
        browser.screenshot("status-with-answer");
    }

    private String submitComplaint() throws Exception {
        ResponseEntity<String> response = http.postForEntity("/api/cases", Map.of("type", "COMPLAINT",
                "category", "ELDERLY_CARE", "description", "Hemtjänsten kom inte i tid i morse.",
                "contact", Map.of("name", "Eva", "email", CITIZEN), "language", "sv"), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json.readTree(response.getBody());
        return body.get("reference").asText();
    }

    private Task currentTask(String processInstanceId, String activityId) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(activityId);
        return task;
    }

    private void executeJob(String processInstanceId, String activityId) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).singleResult().getId());
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
