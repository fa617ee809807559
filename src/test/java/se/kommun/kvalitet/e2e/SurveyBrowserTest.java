package se.kommun.kvalitet.e2e;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
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
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.localrun.MailText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must show, in browsers: Eva follows the survey link in her real feedback e-mail, answers "nej" with a reopening
 * reason and markup in her text on the page (no JavaScript needed, axe-checked), and Björn finds "Bedöma
 * återöppning" in Vård och omsorg's Tasklist with her words shown as written; the same link then says the survey
 * is closed.
 */
@KvalitetIntegrationTest
class SurveyBrowserTest {

    private static final String CITIZEN = "eva.enkat@example.se";
    private static final Pattern SURVEY_PATH = Pattern.compile("https?://[^/\\s]+(/enkat/[A-Za-z0-9_-]{43})");
    private static final String TEXT = "Tiderna stämmer <b>fortfarande</b> inte **alls**.";

    @RegisterExtension
    final Browser browser = new Browser();

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

    @BeforeEach
    void emptyMailbox() throws Exception {
        mailCatcher.purgeEmailFromAllMailboxes();
    }

    @Test
    void theMailedLinkAnsweredNoPutsTheAssessmentInTheUnitsTasklist() throws Exception {
        ResponseEntity<String> created = http.postForEntity("/api/cases", Map.of("type", "COMPLAINT",
                "category", "ELDERLY_CARE", "description", "Hemtjänsten kommer på fel tider.",
                "contact", Map.of("name", "Eva", "email", CITIZEN), "language", "sv"), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(
                json.readTree(created.getBody()).get("reference").asText()).singleResult().getId();
        executeJob(processInstanceId, "sendAcknowledgement");
        complete(processInstanceId, Map.of("findings", "Schemat var fel.", "investigationOutcome", "continue"));
        complete(processInstanceId, Map.of("measures", "Schemat rättat.", "rootCause", "ROUTINE_MISSING"));
        complete(processInstanceId, Map.of("feedback", "Vi har rättat schemat."));
        executeJob(processInstanceId, "sendFeedback");

        Matcher link = SURVEY_PATH.matcher(MailText.plainText(CitizenMail.lastMailTo(mailCatcher, CITIZEN)));
        assertThat(link.find()).as("survey link in the feedback mail").isTrue();
        String surveyUrl = baseUrl() + link.group(1);

        browser.open(surveyUrl);
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Vad tyckte du?");
        browser.checkAccessibility("survey /enkat/{token}");
        // Sent without an answer to the question: the error summary, linked to the field.
        browser.submit(By.cssSelector("main button[type='submit']"));
        assertThat(browser.text(By.cssSelector(".error-summary"))).contains("Svara ja eller nej");
        browser.checkAccessibility("survey with errors");
        browser.screenshot("survey-errors");

        browser.click(By.id("satisfied-no"));
        browser.click(By.id("reason-NOT_SOLVED"));
        browser.type(By.id("text"), TEXT);
        browser.click(By.id("contactAllowed"));
        browser.submit(By.cssSelector("main button[type='submit']"));
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Tack för ditt svar");
        browser.checkAccessibility("survey thanks");

        Task assess = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(assess.getTaskDefinitionKey()).isEqualTo("assessReopening");
        Tasklist tasklist = new Tasklist(browser, baseUrl());
        tasklist.logIn("bjorn", "Demo-Kvalitet-2026!");
        tasklist.openTask(assess.getId());
        tasklist.claim();
        String form = browser.text(Tasklist.FORM);
        assertThat(form).contains("Medborgarens svar på enkäten", "Nöjd: nej", "Skäl: Mitt problem är inte löst",
                "Får kontaktas: ja", TEXT);
        assertThat(browser.driver().findElements(By.cssSelector(".fjs-container b, .fjs-container strong"))
                .stream().map(org.openqa.selenium.WebElement::getText).toList()).doesNotContain("fortfarande", "alls");
        browser.screenshot("assess-reopening");
        tasklist.choose("assess_reopening_reopenDecision", "Nej, ärendet förblir avslutat");
        tasklist.fillText("assess_reopening_reopeningNote", "Tiderna följer beslutet om hemtjänst.");
        tasklist.complete();
        assertThat(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId("sendKeptClosed").count()).isOne();

        browser.open(surveyUrl);
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Enkäten är stängd");
        browser.checkAccessibility("survey closed");
        browser.assertAccessible();
    }

    private void complete(String processInstanceId, Map<String, Object> variables) {
        taskService.complete(taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(),
                variables);
    }

    private void executeJob(String processInstanceId, String activityId) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).singleResult().getId());
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
